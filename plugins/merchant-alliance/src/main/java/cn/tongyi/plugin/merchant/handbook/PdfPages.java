package cn.tongyi.plugin.merchant.handbook;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Flowing text onto A4 pages in one font: lines wrap at the margin, pages follow as they fill. */
final class PdfPages implements Closeable {

    /** Printed for a character the font has no glyph for, rather than failing the document. */
    private static final int MISSING_GLYPH = '□';

    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float LINE_SPACING = 1.45f;

    private final PDDocument document;
    private final PDType0Font font;
    private final CmapLookup glyphs;
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument document, PDType0Font font) {
        this.document = document;
        this.font = font;
        this.glyphs = font.getCmapLookup();
    }

    /** The text at the size, indented from the left margin, wrapped to the right one. */
    void text(String text, float size, float indent) throws IOException {
        for (String line : wrap(printable(text), size, SIZE.getWidth() - 2 * MARGIN - indent)) {
            float height = size * LINE_SPACING;
            if (content == null || y - height < MARGIN) {
                newPage();
            }
            y -= height;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN + indent, y);
            content.showText(line);
            content.endText();
        }
    }

    void gap(float points) {
        y -= points;
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    /** Tabs as spaces, other control characters dropped, characters the font lacks as □. */
    private String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t') {
                printable.append(c == '\t' ? ' ' : '\n');
            } else if (!Character.isISOControl(c)) {
                printable.appendCodePoint(glyphs.getGlyphId(c) > 0 ? c : MISSING_GLYPH);
            }
        });
        return printable.toString();
    }

    /** Lines no wider than the width, broken between Chinese characters or at spaces, not inside a Latin word. */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String rest = paragraph.strip();
            while (width(rest, size) > width) {
                int cut = breakBefore(rest, fittingLength(rest, size, width));
                lines.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }

    /** Where a line that must end by {@code end} ends: moved back out of a word or number when it can be. */
    private static int breakBefore(String text, int end) {
        int cut = end;
        while (cut > 0 && inWord(text.codePointBefore(cut)) && inWord(text.codePointAt(cut))) {
            cut = text.offsetByCodePoints(cut, -1);
        }
        return cut > 0 ? cut : end;
    }

    private static boolean inWord(int c) {
        return Character.isLetterOrDigit(c) && !Character.isIdeographic(c);
    }

    /** How many chars of the text fit in the width; at least one code point, so that every line makes progress. */
    private int fittingLength(String text, float size, float width) throws IOException {
        int end = text.offsetByCodePoints(0, 1);
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (width(text.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}
