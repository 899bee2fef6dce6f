package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Points members earn for being members: referrals, birthdays; and the levels they climb. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberRewardsTest {

    @Inject
    LedgerService ledger;

    @Test
    @DisplayName("R-MEMBER-4: the referrer earns 20 points when the referred member's first fee is paid, once")
    void referral() {
        Api.OnboardedBranch branch = Api.onboardActive("referral");
        long building = Members.building(branch, "1号楼");
        Members.Registered referrer = Members.registerOnline(branch, building);
        Members.Registered referred = Members.registerOnline(branch, building, Members.idNumberOfAge(35),
                referrer.memberId());

        as(referrer.token()).get("/api/me/points").then().statusCode(200).body("points", equalTo("0.00"));
        Members.payFee(branch, referred.memberId(), "TRIAL");
        as(referrer.token()).get("/api/me/points").then().body("points", equalTo("20.00"));
        as(referrer.token()).get("/api/me/points/entries").then().body("entries[0].kind", equalTo("REFERRAL"));
        Members.payFee(branch, referred.memberId(), "CO_CREATION");
        as(referrer.token()).get("/api/me/points").then().body("points", equalTo("20.00"));
        as(referred.token()).get("/api/me/points").then().body("points", equalTo("0.00"));
    }

    @Test
    @DisplayName("R-MEMBER-5: 2 points on the birthday, at most once a year, by a daily job that is safe to run twice")
    void birthday() {
        Api.OnboardedBranch branch = Api.onboardActive("birthday");
        long building = Members.building(branch, "1号楼");
        LocalDate birthdayThisYear = LocalDate.now(BusinessClock.ZONE).plusDays(10);
        Members.Registered member = Members.registerOnline(branch, building,
                Members.idNumber(birthdayThisYear.minusYears(66)), null);
        Members.Registered unpaid = Members.registerOnline(branch, building,
                Members.idNumber(birthdayThisYear.minusYears(67)), null);
        Members.payFee(branch, member.memberId(), "TRIAL");
        String job = "/api/admin/jobs/birthday-points/runs?day=";

        as(Api.admin()).post(job + birthdayThisYear.minusDays(1)).then().statusCode(200);
        as(member.token()).get("/api/me/points").then().body("points", equalTo("0.00"));
        as(Api.admin()).post(job + birthdayThisYear).then().statusCode(200);
        as(Api.admin()).post(job + birthdayThisYear).then().statusCode(200);
        as(member.token()).get("/api/me/points").then().body("points", equalTo("2.00"));
        as(member.token()).get("/api/me/points/entries").then().body("entries.kind", hasItem("BIRTHDAY"));
        as(member.token()).get("/api/branches/" + branch.code() + "/inbox").then()
                .body("messages.kind", hasItem("BIRTHDAY"));
        as(unpaid.token()).get("/api/me/points").then().body("points", equalTo("0.00"));
    }

    @Test
    @DisplayName("R-MEMBER-6: a level per full membership year, per 10 service hours and per 3 referrals, with the branch's benefits")
    void levels() {
        Api.OnboardedBranch branch = Api.onboardActive("levels");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);
        Members.payFee(branch, member.memberId(), "TRIAL");
        String me = "/api/branches/" + branch.code() + "/members/me";
        as(member.token()).get(me).then().body("level", equalTo(0));

        for (int i = 0; i < 3; i++) {
            Members.Registered referred = Members.registerOnline(branch, building, Members.idNumberOfAge(30 + i),
                    member.memberId());
            Members.payFee(branch, referred.memberId(), "TRIAL");
        }
        as(member.token()).get(me).then().body("level", equalTo(1))
                .body("benefits[0].zh", equalTo("服务优先匹配"));

        long personId = Api.personId(member.token());
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch.code(), personId, Points.of(10),
                new TransferRequest.Reference("TEST", "levels"), "levels:" + UUID.randomUUID(), "test"));
        as(member.token()).get(me).then().body("level", equalTo(2));

        MovableClock.installShiftedBy(Duration.ofDays(367));
        as(member.token()).get(me).then().body("level", equalTo(3));

        as(branch.headToken()).body(List.of(Map.of("level", 3, "benefitsZh", "年度体检",
                        "benefitsEn", "Annual health check")))
                .put("/api/branches/" + branch.code() + "/level-benefits").then().statusCode(200);
        as(member.token()).get(me).then().body("benefits.size()", equalTo(1))
                .body("benefits[0].en", equalTo("Annual health check"));
    }
}
