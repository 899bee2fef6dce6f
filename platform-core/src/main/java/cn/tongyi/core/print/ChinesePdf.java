package cn.tongyi.core.print;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document printed in Chinese. The font is the vendored Noto Sans SC subset (resources/fonts), itself subset
 * again into the PDF, so that a printout looks the same on any machine and needs no font installed.
 */
public final class ChinesePdf implements Closeable {

    public static final String FONT = "/fonts/NotoSansSC-Regular-subset.ttf";
    public static final float MARGIN = 56;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;

    public ChinesePdf() {
        try (InputStream stream = ChinesePdf.class.getResourceAsStream(FONT)) {
            font = PDType0Font.load(document, stream, true);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** A new A4 page; the caller closes its content stream before saving. */
    public PDPageContentStream newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        return new PDPageContentStream(document, page);
    }

    public static float top() {
        return PDRectangle.A4.getHeight() - MARGIN;
    }

    public void text(PDPageContentStream content, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text));
        content.endText();
    }

    /** Text set flush right against {@code right}, as figures in a column are. */
    public void textRight(PDPageContentStream content, float size, float right, float y, String text)
            throws IOException {
        String shown = printable(text);
        text(content, size, right - font.getStringWidth(shown) / 1000 * size, y, shown);
    }

    public byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the font subset lacks (a rare one in a name or a reason) shown as '?'. */
    private String printable(String text) {
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
}
