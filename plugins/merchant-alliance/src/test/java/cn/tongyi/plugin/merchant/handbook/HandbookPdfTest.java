package cn.tongyi.plugin.merchant.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.plugin.merchant.agreement.Category;
import cn.tongyi.plugin.merchant.redemption.PointDiscount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandbookPdfTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    @DisplayName("R-MERCHANT-4: the printed handbook renders Chinese: names, offers and the point rule read back")
    void rendersChinese() throws Exception {
        Handbook handbook = handbook(HandbookScope.ALLIANCE, List.of("chaoyang", "haidian"), List.of(
                entry("chaoyang", "鑫鑫超市", Category.SUPERMARKET, "会员购物满 100 元减 5 元"),
                entry("chaoyang", "仁心大药房", Category.PHARMACY, "非处方药 9.5 折,免费测血压"),
                entry("haidian", "老北京炸酱面馆", Category.RESTAURANT, "会员赠送小菜一份")));

        String text = textOf(HandbookPdf.render(handbook, false));

        assertThat(text).contains("同壹社区共创联盟 会员优惠手册", "全联盟（2 个分会）", "1 积分抵 3 元,每次最多 10 积分",
                "分会 chaoyang", "鑫鑫超市 · 超市", "会员购物满 100 元减 5 元", "仁心大药房 · 药店", "非处方药 9.5 折,免费测血压",
                "分会 haidian", "老北京炸酱面馆 · 餐饮", "会员赠送小菜一份", "协议有效期至 2027-11-30");
    }

    @Test
    @DisplayName("R-MERCHANT-4: the PDF carries its own font, embedded as a subset of the glyphs it uses")
    void embedsASubset() throws Exception {
        byte[] pdf = HandbookPdf.render(handbook(HandbookScope.BRANCH, List.of("chaoyang"),
                List.of(entry("chaoyang", "鑫鑫超市", Category.SUPERMARKET, "会员 9.5 折"))), false);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
            }
        }
        assertThat(pdf.length).isLessThan(100_000);
    }

    @Test
    @DisplayName("R-MERCHANT-4: a character the font lacks prints as □ instead of failing the handbook")
    void missingGlyphs() throws Exception {
        Handbook handbook = handbook(HandbookScope.BRANCH, List.of("chaoyang"),
                List.of(entry("chaoyang", "喆喆便利店", Category.SUPERMARKET, "开业大酬宾 🎉\t全场 9 折")));

        String text = textOf(HandbookPdf.render(handbook, false));

        assertThat(text).contains("□□便利店", "开业大酬宾 □ 全场 9 折");
    }

    @Test
    @DisplayName("R-MERCHANT-4: long offers wrap (never inside a word), many merchants run onto more pages; English on request")
    void wrapsAndPages() throws Exception {
        List<HandbookEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            entries.add(entry("chaoyang", "社区便民店 " + i, Category.OTHER,
                    "会员凭积分码到店消费,每满 50 元可用积分抵扣,另赠时令水果一份;周末家政预约优先安排,老人上门服务免收路费。"));
        }
        String english = "Members get ten percent off every Wednesday and free delivery within three kilometres of"
                + " the community centre, weekends and public holidays included, for orders above 50 CNY";
        entries.add(entry("chaoyang", "Corner Bakery", Category.OTHER, english));
        byte[] pdf = HandbookPdf.render(handbook(HandbookScope.BRANCH, List.of("chaoyang"), entries), true);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Tongyi Alliance Member Discount Handbook", "Scope: branch chaoyang",
                    "社区便民店 40", "Agreement valid until 2027-11-30");
            // a word broken across lines would read back with a space inside it
            assertThat(text.replaceAll("\\s+", " ")).contains(english);
        }
    }

    @Test
    @DisplayName("R-MERCHANT-4: a branch without merchants says so")
    void noMerchants() throws Exception {
        String text = textOf(HandbookPdf.render(handbook(HandbookScope.BRANCH, List.of("chaoyang"), List.of()),
                false));

        assertThat(text).contains("暂无签约商家");
    }

    private static Handbook handbook(HandbookScope scope, List<String> branches, List<HandbookEntry> entries) {
        return new Handbook(scope, "chaoyang", TODAY, PointDiscount.rule(false), branches, entries);
    }

    private static HandbookEntry entry(String branch, String name, Category category, String offer) {
        return new HandbookEntry(branch, UUID.randomUUID(), name, category, category.label(false), offer,
                LocalDate.of(2027, 11, 30), PointDiscount.rule(false));
    }

    private static String textOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
