package cn.tongyi.plugin.merchant.handbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The handbook as a printable A4 PDF, in Chinese or English. The PDF carries its font: Noto Sans SC cut down to GB2312
 * (the module's README says how), of which each document embeds only the glyphs it uses, so that it prints the same
 * everywhere and the build needs no font on the machine.
 */
public final class HandbookPdf {

    private static final String FONT = "NotoSansSC-Regular-GB2312.ttf";

    private HandbookPdf() {
    }

    public static byte[] render(Handbook handbook, boolean english) {
        Labels labels = english ? Labels.EN : Labels.ZH;
        try (PDDocument document = new PDDocument(); InputStream fontFile = fontFile()) {
            document.getDocumentInformation().setTitle(labels.title());
            try (PdfPages pages = new PdfPages(document, PDType0Font.load(document, fontFile, true))) {
                pages.text(labels.title(), 18, 0);
                pages.text(labels.scopeOf(handbook) + "    " + labels.date() + handbook.date(), 10, 0);
                pages.text(labels.pointUse() + handbook.pointUse(), 12, 0);
                for (String branch : handbook.branches()) {
                    pages.gap(10);
                    pages.text(labels.branch() + branch, 14, 0);
                    List<HandbookEntry> entries = handbook.entries().stream()
                            .filter(entry -> entry.branch().equals(branch))
                            .toList();
                    if (entries.isEmpty()) {
                        pages.text(labels.noMerchants(), 10.5f, 12);
                    }
                    for (HandbookEntry entry : entries) {
                        pages.gap(4);
                        pages.text(entry.name() + " · " + entry.categoryLabel(), 12, 12);
                        pages.text(entry.offer(), 10.5f, 24);
                        pages.text(labels.validTo() + entry.validTo(), 9, 24);
                    }
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream fontFile() {
        InputStream font = HandbookPdf.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException(FONT + " is missing from the plugin jar");
        }
        return font;
    }

    /** The handbook's own words in each language; merchants' names and offers print as they were entered. */
    private record Labels(String title, String scope, String branchScope, String allianceScope, String date,
            String pointUse, String branch, String noMerchants, String validTo) {

        static final Labels ZH = new Labels("同壹社区共创联盟 会员优惠手册", "范围：", "本分会 ", "全联盟（%d 个分会）",
                "日期：", "积分用法：", "分会 ", "暂无签约商家", "协议有效期至 ");
        static final Labels EN = new Labels("Tongyi Alliance Member Discount Handbook", "Scope: ", "branch ",
                "the alliance (%d branches)", "Date: ", "Points: ", "Branch ", "No merchants yet",
                "Agreement valid until ");

        String scopeOf(Handbook handbook) {
            return scope + (handbook.scope() == HandbookScope.BRANCH
                    ? branchScope + handbook.branch()
                    : String.format(allianceScope, handbook.branches().size()));
        }
    }
}
