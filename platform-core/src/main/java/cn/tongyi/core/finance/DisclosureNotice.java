package cn.tongyi.core.finance;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The printable notice-board version of a month's disclosure (R-FIN-3): an A4 page in Chinese, with a QR code that
 * links to the online version. The font is the vendored Noto Sans SC subset (resources/fonts), itself subset again
 * into the PDF, so the notice prints the same on any machine.
 */
final class DisclosureNotice {

    static final String FONT = "/fonts/NotoSansSC-Regular-subset.ttf";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("MEMBERSHIP_FEE", "会员费"), Map.entry("MERCHANT_FEE", "商家管理费"),
            Map.entry("SPACE_RENTAL", "共享空间租赁"), Map.entry("CUSTOM_SERVICE", "定制服务"),
            Map.entry("SPONSORSHIP", "赞助"), Map.entry("OTHER", "其他收入"), Map.entry("STAFF", "人力成本"),
            Map.entry("SITE", "场地成本"), Map.entry("TECHNOLOGY", "技术成本"), Map.entry("OPERATIONS", "运营成本"),
            Map.entry("TAX", "税费"));

    private static final float MARGIN = 56;
    private static final float LINE = 20;

    private DisclosureNotice() {
    }

    static String label(String category) {
        return LABELS.getOrDefault(category, category);
    }

    static byte[] render(String branchName, Disclosures.Published published, String onlineUrl) {
        try (PDDocument document = new PDDocument(); InputStream font = DisclosureNotice.class.getResourceAsStream(FONT)) {
            PDType0Font cjk = PDType0Font.load(document, font, true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                String[] ym = published.month().split("-");
                y = text(content, cjk, 18, MARGIN, y, branchName + " " + ym[0] + "年" + Integer.parseInt(ym[1])
                        + "月 收支公示(第" + published.revision() + "版)");
                y -= 8;
                for (String line : lines(published)) {
                    y = text(content, cjk, 12, MARGIN, y, line);
                }
                qr(content, onlineUrl, MARGIN, MARGIN + 10, 110);
                text(content, cjk, 9, MARGIN + 120, MARGIN + 60, "扫码查看线上公示:");
                text(content, cjk, 9, MARGIN + 120, MARGIN + 45, onlineUrl);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
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
        return CashBookExport.yuan(fen) + " 元";
    }

    private static float text(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, text));
        content.endText();
        return y - LINE;
    }

    /** The text with every character the font subset lacks (a rare one in a name or a reason) shown as '?'. */
    private static String printable(PDType0Font font, String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            String character = Character.toString(c);
            try {
                font.encode(character);
                shown.append(character);
            } catch (IllegalArgumentException | IOException e) {
                shown.append('?');
            }
        });
        return shown.toString();
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
