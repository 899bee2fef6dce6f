package cn.tongyi.plugin.merchant.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.plugin.merchant.redemption.RedemptionView;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinesCsvTest {

    private static final UUID ID = UUID.fromString("0b9f3f4e-8c1a-4f57-a1de-3c2d5e6f7a80");
    private static final UUID MERCHANT = UUID.fromString("7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-28T15:04:05+08:00");

    @Test
    @DisplayName("R-MERCHANT-3: the itemised lines as CSV: UTF-8 with a BOM for Excel, money in yuan")
    void lines() {
        byte[] csv = LinesCsv.of(List.of(
                new RedemptionView(ID, MERCHANT, "王**", "haidian", "10.00", 30_00, 128_50, 98_50, AT)), false);

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "时间,兑换编号,会员,会员所属分会,消费金额(元),使用积分,抵扣金额(元),实付金额(元)\r\n"
                + "2026-11-28 15:04:05," + ID + ",王**,haidian,128.50,10.00,30.00,98.50\r\n");
    }

    @Test
    @DisplayName("R-MERCHANT-3: no cell of the CSV is taken for a spreadsheet formula")
    void noFormulas() {
        byte[] csv = LinesCsv.of(List.of(
                new RedemptionView(ID, MERCHANT, "=H**", "haidian", "0.01", 3, 3, 0, AT)), true);

        assertThat(new String(csv, StandardCharsets.UTF_8))
                .startsWith("\uFEFFTime,Redemption,Member,Home branch,Purchase (CNY),")
                .contains(",'=H**,");
    }
}
