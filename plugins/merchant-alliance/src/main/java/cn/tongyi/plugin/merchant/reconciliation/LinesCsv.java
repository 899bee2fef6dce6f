package cn.tongyi.plugin.merchant.reconciliation;

import cn.tongyi.plugin.merchant.redemption.RedemptionView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The lines behind a merchant's reconciliation as CSV for a spreadsheet: UTF-8 with a byte order mark, so that Excel
 * reads the Chinese; money in yuan with two decimals, times in the business zone.
 */
public final class LinesCsv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADER_ZH =
            List.of("时间", "兑换编号", "会员", "会员所属分会", "消费金额(元)", "使用积分", "抵扣金额(元)", "实付金额(元)");
    private static final List<String> HEADER_EN = List.of("Time", "Redemption", "Member", "Home branch",
            "Purchase (CNY)", "Points", "Discount (CNY)", "Paid (CNY)");

    private LinesCsv() {
    }

    public static byte[] of(List<RedemptionView> lines, boolean english) {
        StringBuilder csv = new StringBuilder().append(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.EXCEL)) {
            printer.printRecord(english ? HEADER_EN : HEADER_ZH);
            for (RedemptionView line : lines) {
                printer.printRecord(TIME.format(line.createdAt()), line.id(), cell(line.memberName()),
                        line.memberHomeBranch(), yuan(line.purchaseFen()), line.points(), yuan(line.discountFen()),
                        yuan(line.payFen()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Text a spreadsheet must not take for a formula (CSV injection): a leading = + - @ is quoted away. */
    private static String cell(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
