package cn.tongyi.core.finance;

import cn.tongyi.core.print.ChinesePdf;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The printable notice-board version of a month's disclosure (R-FIN-3): an A4 page in Chinese, with a QR code that
 * links to the online version.
 */
final class DisclosureNotice {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("MEMBERSHIP_FEE", "会员费"), Map.entry("MERCHANT_FEE", "商家管理费"),
            Map.entry("SPACE_RENTAL", "共享空间租赁"), Map.entry("CUSTOM_SERVICE", "定制服务"),
            Map.entry("SPONSORSHIP", "赞助"), Map.entry("OTHER", "其他收入"), Map.entry("STAFF", "人力成本"),
            Map.entry("SITE", "场地成本"), Map.entry("TECHNOLOGY", "技术成本"), Map.entry("OPERATIONS", "运营成本"),
            Map.entry("TAX", "税费"));

    private static final float MARGIN = ChinesePdf.MARGIN;
    private static final float LINE = 20;

    private DisclosureNotice() {
    }

    static String label(String category) {
        return LABELS.getOrDefault(category, category);
    }

    static byte[] render(String branchName, Disclosures.Published published, String onlineUrl) {
        try (ChinesePdf pdf = new ChinesePdf()) {
            try (PDPageContentStream content = pdf.newPage()) {
                String[] ym = published.month().split("-");
                float y = text(pdf, content, 18, MARGIN, ChinesePdf.top(), branchName + " " + ym[0] + "年"
                        + Integer.parseInt(ym[1]) + "月 收支公示(第" + published.revision() + "版)");
                y -= 8;
                for (String line : lines(published)) {
                    y = text(pdf, content, 12, MARGIN, y, line);
                }
                qr(content, onlineUrl, MARGIN, MARGIN + 10, 110);
                pdf.text(content, 9, MARGIN + 120, MARGIN + 60, "扫码查看线上公示:");
                pdf.text(content, 9, MARGIN + 120, MARGIN + 45, onlineUrl);
            }
            return pdf.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Disclosures.Published published) {
        Disclosures.Figures figures = published.figures();
        List<String> lines = new ArrayList<>();
        lines.add("公示日期:" + published.publishedAt().toLocalDate() + "  应于 " + published.dueBy() + " 前公示"
                + (published.late() ? "(逾期)" : ""));
        if (published.reason() != null) {
            lines.add("更正说明:" + published.reason());
        }
        lines.add("");
        lines.add("一、收入(按来源)");
        figures.totals().income().forEach(l -> lines.add("    " + label(l.category()) + ":" + yuan(l.amountFen())));
        lines.add("    收入合计:" + yuan(figures.totals().incomeFen()));
        lines.add("二、支出(按项目)");
        figures.totals().expenses().forEach(l -> lines.add("    " + label(l.category()) + ":" + yuan(l.amountFen())));
        lines.add("    支出合计:" + yuan(figures.totals().expensesFen()));
        lines.add("三、本月结余:" + yuan(figures.totals().netFen()));
        if (!figures.laterCorrections().isEmpty()) {
            lines.add("四、此后入账的更正");
            figures.laterCorrections().forEach(c -> lines.add("    " + c.bookedOn() + " " + label(c.category()) + " "
                    + yuan(c.amountFen()) + " " + c.description()));
            lines.add("    更正后结余:" + yuan(figures.correctedNetFen()));
        }
        return lines;
    }

    private static String yuan(long fen) {
        return Yuan.of(fen) + " 元";
    }

    private static float text(ChinesePdf pdf, PDPageContentStream content, float size, float x, float y,
            String text) throws IOException {
        pdf.text(content, size, x, y, text);
        return y - LINE;
    }

    private static void qr(PDPageContentStream content, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + url + " as a QR code", e);
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    content.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
