package cn.tongyi.plugin.merchant.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.plugin.api.PluginProblem;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointDiscountTest {

    private static final OptionalLong MOST = OptionalLong.empty();

    @Test
    @DisplayName("R-MERCHANT-2: 1 point takes 3.00 CNY off, a hundredth of a point 3 fen")
    void threeYuanAPoint() {
        assertThat(PointDiscount.of(100_00, points("1"))).isEqualTo(new PointDiscount(100, 300, 100_00));
        assertThat(PointDiscount.of(100_00, points("0.01")).discountFen()).isEqualTo(3);
        assertThat(PointDiscount.of(100_00, points("2.5")).discountFen()).isEqualTo(750);
    }

    @Test
    @DisplayName("R-MERCHANT-2: at most 10 points (30.00 CNY) on one purchase; 10.01 is refused")
    void tenPointsAtMost() {
        PointDiscount ten = PointDiscount.of(500_00, points("10"));

        assertThat(ten.discountFen()).isEqualTo(30_00);
        assertThat(ten.payFen()).isEqualTo(470_00);
        assertThat(PointDiscount.of(500_00, MOST)).isEqualTo(ten);
        assertThatThrownBy(() -> PointDiscount.of(500_00, points("10.01")))
                .isInstanceOfSatisfying(PluginProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.slug()).isEqualTo("too-many-points");
                    assertThat(problem.extensions()).containsEntry("maxPoints", "10.00");
                });
    }

    @Test
    @DisplayName("R-MERCHANT-2: a purchase of exactly 30.00 CNY can be paid wholly with 10 points")
    void exactlyThirtyYuan() {
        PointDiscount discount = PointDiscount.of(30_00, MOST);

        assertThat(discount.centiPoints()).isEqualTo(1000);
        assertThat(discount.discountFen()).isEqualTo(30_00);
        assertThat(discount.payFen()).isZero();
    }

    @Test
    @DisplayName("R-MERCHANT-2: below 30.00 CNY the discount never exceeds the purchase (20.00 CNY: 6.66 points)")
    void neverMoreThanThePurchase() {
        PointDiscount most = PointDiscount.of(20_00, MOST);

        assertThat(most).isEqualTo(new PointDiscount(666, 19_98, 20_00));
        assertThat(most.payFen()).isEqualTo(2);
        assertThat(PointDiscount.of(20_00, points("6.66"))).isEqualTo(most);
        assertThatThrownBy(() -> PointDiscount.of(20_00, points("6.67")))
                .isInstanceOfSatisfying(PluginProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.slug()).isEqualTo("discount-over-purchase");
                    assertThat(problem.extensions()).containsEntry("maxPoints", "6.66");
                });
    }

    @Test
    @DisplayName("R-MERCHANT-2: a purchase under 3 fen takes no points; 3 fen takes a hundredth")
    void tinyPurchases() {
        assertThat(PointDiscount.of(3, MOST)).isEqualTo(new PointDiscount(1, 3, 3));
        assertThatThrownBy(() -> PointDiscount.of(2, MOST))
                .isInstanceOfSatisfying(PluginProblem.class,
                        problem -> assertThat(problem.slug()).isEqualTo("purchase-too-small"));
    }

    @Test
    @DisplayName("R-MERCHANT-2: points have at most 2 decimals and are above 0; nothing is rounded")
    void pointsAreExact() {
        assertThat(Points.parse("3")).isEqualTo(300);
        assertThat(Points.parse("3.5")).isEqualTo(350);
        assertThat(Points.parse(" 0.01 ")).isEqualTo(1);
        assertThat(Points.format(666)).isEqualTo("6.66");
        assertThat(Points.format(1000)).isEqualTo("10.00");
        for (String invalid : new String[] {"3.555", "0", "0.00", "-1", "abc", "1e2", "", " ", "3.", ".5"}) {
            assertThatThrownBy(() -> Points.parse(invalid)).as(invalid)
                    .isInstanceOfSatisfying(PluginProblem.class, problem -> {
                        assertThat(problem.status()).isEqualTo(400);
                        assertThat(problem.slug()).isEqualTo("invalid-points");
                    });
        }
    }

    @Test
    @DisplayName("R-MERCHANT-4: the point rule in the members' words")
    void ruleInWords() {
        assertThat(PointDiscount.rule(false)).isEqualTo("1 积分抵 3 元,每次最多 10 积分");
        assertThat(PointDiscount.rule(true)).isEqualTo("1 point takes 3 CNY off, at most 10 points per purchase");
    }

    private static OptionalLong points(String points) {
        return OptionalLong.of(Points.parse(points));
    }
}
