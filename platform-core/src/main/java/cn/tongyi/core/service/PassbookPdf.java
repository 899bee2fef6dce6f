package cn.tongyi.core.service;

import cn.tongyi.core.print.ChinesePdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** The passbook on A4 pages, as a bank passbook reads: date, what for, hours in, hours out, balance. */
final class PassbookPdf {

    private static final float LINE = 18;
    private static final float SIZE = 10.5f;
    private static final int LINES_PER_PAGE = 36;
    private static final float DATE = ChinesePdf.MARGIN;
    private static final float SERVICE = DATE + 80;
    private static final float IN_RIGHT = SERVICE + 250;
    private static final float OUT_RIGHT = IN_RIGHT + 70;
    private static final float BALANCE_RIGHT = OUT_RIGHT + 70;

    private PassbookPdf() {
    }

    static byte[] render(Passbook.Printed passbook) {
        List<Passbook.Line> lines = passbook.lines();
        int pages = Math.max(1, (lines.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
        try (ChinesePdf pdf = new ChinesePdf()) {
            for (int page = 0; page < pages; page++) {
                try (PDPageContentStream content = pdf.newPage()) {
                    float y = header(pdf, content, passbook, page + 1, pages);
                    int from = page * LINES_PER_PAGE;
                    for (Passbook.Line line : lines.subList(from, Math.min(lines.size(), from + LINES_PER_PAGE))) {
                        row(pdf, content, y, line.date().toString(), line.service(), line.hoursIn(), line.hoursOut(),
                                line.balance());
                        y -= LINE;
                    }
                    if (page == pages - 1) {
                        row(pdf, content, y - 6, "", "合计", Passbook.sum(Passbook.Line::hoursIn, lines),
                                Passbook.sum(Passbook.Line::hoursOut, lines), passbook.balance());
                    }
                }
            }
            return pdf.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float header(ChinesePdf pdf, PDPageContentStream content, Passbook.Printed passbook, int page,
            int pages) throws IOException {
        float y = ChinesePdf.top();
        pdf.text(content, 18, DATE, y, passbook.branchName() + " 积分存折");
        y -= 26;
        pdf.text(content, 11, DATE, y, "户名:" + passbook.holder() + "    住址:" + passbook.building());
        y -= LINE;
        pdf.text(content, 11, DATE, y, "打印日期:" + passbook.printedOn() + "    当前余额:" + passbook.balance()
                + " 小时(1 积分 = 1 小时服务)    第 " + page + " / " + pages + " 页");
        y -= LINE + 8;
        row(pdf, content, y, "日期", "摘要", "存入(小时)", "支出(小时)", "余额");
        content.moveTo(DATE, y - 5);
        content.lineTo(BALANCE_RIGHT, y - 5);
        content.stroke();
        return y - LINE - 2;
    }

    private static void row(ChinesePdf pdf, PDPageContentStream content, float y, String date, String service,
            String in, String out, String balance) throws IOException {
        pdf.text(content, SIZE, DATE, y, date);
        pdf.text(content, SIZE, SERVICE, y, service);
        pdf.textRight(content, SIZE, IN_RIGHT, y, in);
        pdf.textRight(content, SIZE, OUT_RIGHT, y, out);
        pdf.textRight(content, SIZE, BALANCE_RIGHT, y, balance);
    }
}
