package cn.tongyi.core.finance;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Browser.assertElderMode;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The finance officer's and the head's pages of the staff console, in a real browser (issue 13). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class FinanceConsoleBrowserTest {

    @Inject
    Database database;

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    @DisplayName("R-FIN-1: the finance officer books income typed in yuan as exact fen, sees the month's totals by "
            + "source, the exports, confirms the cash another holder hands over, corrects an entry and closes last "
            + "month; another branch's page answers 404 as its API; in English and in 长辈版 too")
    void financeOfficerBooksIncomeAndReceivesCash() {
        Api.OnboardedBranch branch = Api.onboardActive("fincash");
        String code = branch.code();
        Api.Login finance = Api.staffLogin(branch, "FINANCE");
        String held = as(branch.headToken()).get("/api/me").then().extract().path("displayName");
        Finance.income(branch.headToken(), branch, "SPONSORSHIP", 30_000, "CASH").then().statusCode(201);
        String reference = "ZL-" + UUID.randomUUID().toString().substring(0, 8);

        Page page = Browser.loggedIn(finance.username());
        page.setViewportSize(1280, 900);
        page.navigate(Browser.url("/s/" + code + "/finance"));
        assertThat(page.locator("h1").textContent()).isEqualTo("现金日记账");
        field(page, "收入来源").selectOption("SPACE_RENTAL");
        field(page, "金额（元）").fill("1234.56");
        field(page, "线上").check();
        field(page, "凭证号").fill(reference);
        field(page, "摘要").fill("活动室租给舞蹈队");
        button(page, "登记入账").click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("收入已入账");
        assertThat(page.getByTestId("entry-" + reference).textContent()).contains("场地租赁").contains("1234.56 元");
        assertThat(page.getByTestId("totals").textContent()).contains("1534.56 元");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("按来源的收入"))
                .getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("场地租赁")).textContent())
                .contains("1234.56 元");
        assertThat(page.getByText("下载本月明细（CSV）").getAttribute("href"))
                .startsWith("/api/branches/" + code + "/finance/cash-book/export?from=").endsWith("&format=csv");
        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        as(finance.token()).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get(Finance.base(branch) + "/cash-book").then().statusCode(200)
                .body("findAll { it.reference == '" + reference + "' }.amountFen", equalTo(List.of(123_456)))
                .body("findAll { it.reference == '" + reference + "' }.category", equalTo(List.of("SPACE_RENTAL")));
        assertThat(page.request().get(Browser.url(page.getByText("下载本月明细（Excel）").getAttribute("href"))).status())
                .isEqualTo(200);

        Locator cash = page.getByTestId("cash-" + branch.headUsername());
        assertThat(cash.textContent()).contains(held + " 手上有现金 300.00 元").contains("当天，未逾期");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "finance-cash-book");
        button(page, "确认已收到 " + held + " 交来的现金").click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("现金交接已确认");
        assertThat(page.getByTestId("cash-" + branch.headUsername()).count()).isZero();
        as(finance.token()).get(Finance.base(branch) + "/cash/outstanding").then().statusCode(200)
                .body("findAll { it.holder == '" + branch.headUsername() + "' }", hasSize(0));

        String entry = as(finance.token()).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get(Finance.base(branch) + "/cash-book").then().extract()
                .path("find { it.reference == '" + reference + "' }.id");
        field(page, "要更正的分录").selectOption(entry);
        field(page, "更正金额（元，减少请加减号）").fill("-34.56");
        field(page, "更正理由").fill("多记了押金");
        button(page, "记录更正").click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("更正已入账");
        assertThat(page.getByTestId("totals").textContent()).contains("1500.00 元");
        as(finance.token()).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get(Finance.base(branch) + "/cash-book").then()
                .body("findAll { it.corrects == '" + entry + "' }.amountFen", equalTo(List.of(-3_456)));
        YearMonth last = YearMonth.from(today).minusMonths(1);
        page.navigate(Browser.url("/s/" + code + "/finance?month=" + last));
        button(page, "结账：" + last.getYear() + "年" + last.getMonthValue() + "月").click();
        assertThat(page.getByTestId("month").textContent()).contains("本月已结账");
        as(finance.token()).queryParam("year", last.getYear()).get(Finance.base(branch) + "/months").then()
                .body("", equalTo(List.of(last.toString())));

        Api.OnboardedBranch other = Api.onboardActive("finother");
        assertThat(page.navigate(Browser.url("/s/" + other.code() + "/finance")).status())
                .as("another branch's cash book answers as its API does").isEqualTo(404);
        as(finance.token()).get(Finance.base(other) + "/cash/outstanding").then().statusCode(404);
        page.navigate(Browser.url("/s/" + code + "/finance"));
        page.getByText("English").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Cash book");
        assertThat(page.getByTestId("entry-" + reference).textContent()).contains("Space rental")
                .contains("CNY 1234.56");
        page.getByText("中文").click();
        page.setViewportSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
        page.getByText("长辈版：未开启").click();
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        page.context().close();
    }

    @Test
    @DisplayName("R-FIN-2: an expense requested by one finance officer shows its tier and state in words; the "
            + "requester gets no approve button and is refused when trying anyway; the head approves, the invoice "
            + "photo is uploaded, another finance officer pays it exactly once (a second submission pays nothing)")
    void expenseApprovedByTheHeadAndPaidOnce() {
        Api.OnboardedBranch branch = Api.onboardActive("finexp");
        String code = branch.code();
        Api.Login requester = Api.staffLogin(branch, "FINANCE");
        Api.Login payer = Api.staffLogin(branch, "FINANCE");

        Page page = Browser.loggedIn(requester.username());
        page.setViewportSize(1280, 900);
        page.navigate(Browser.url("/s/" + code + "/finance/expenses"));
        field(page, "支出项目").selectOption("OPERATIONS");
        field(page, "金额（元）").fill("320.50");
        field(page, "收款方").fill("社区五金店");
        field(page, "用途说明").fill("活动室维修材料");
        button(page, "提交申请").click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("支出申请已提交");
        String id = as(requester.token()).get(Finance.base(branch) + "/expenses").then().statusCode(200)
                .body("[0].amountFen", equalTo(32_050)).body("[0].tier", equalTo("HEAD")).extract().path("[0].id");
        Locator card = page.getByTestId("expense-" + id);
        assertThat(card.textContent()).contains("500 元以内：分会负责人审批").contains("等分会负责人审批")
                .contains("工作人员 （您本人）");
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("同意").setExact(true))
                .count()).as("the requester sees no approve button").isZero();
        String csrf = page.locator("input[name=_csrf]").first().inputValue();
        APIResponse tried = page.request().post(Browser.url("/s/" + code + "/finance/expenses/" + id + "/approvals"),
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)
                        .set("idempotencyKey", UUID.randomUUID().toString()).set("decision", "approve")));
        assertThat(tried.url()).contains("problem=own-expense");
        assertThat(tried.text()).contains("不能审批、表决或支付自己申请的支出");
        as(requester.token()).get(Finance.base(branch) + "/expenses/" + id).then()
                .body("approvals", hasSize(0)).body("status", equalTo("PENDING_APPROVAL"));
        assertNoSeriousAxeViolations(page);
        page.context().close();

        Page head = Browser.loggedIn(branch.headUsername());
        head.setViewportSize(1280, 900);
        head.navigate(Browser.url("/s/" + code + "/finance/expenses"));
        head.getByTestId("expense-" + id).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("同意").setExact(true)).click();
        assertThat(head.getByTestId("expense-" + id).textContent()).contains("已批准；上传发票后可以支付")
                .contains("✓ 负责人 同意");
        head.context().close();

        Page pay = Browser.loggedIn(payer.username());
        pay.setViewportSize(1280, 900);
        pay.navigate(Browser.url("/s/" + code + "/finance/expenses"));
        pay.getByTestId("expense-" + id).getByLabel("发票照片或扫描件（JPG、PNG 或 PDF，5 MB 以内）")
                .setInputFiles(new FilePayload("fapiao.jpg", "image/jpeg", Finance.JPEG));
        button(pay, "上传发票").click();
        assertThat(pay.getByTestId("expense-" + id).textContent()).contains("已批准，发票已上传，等财务支付")
                .contains("发票 1");
        pay.getByTestId("expense-" + id).getByLabel("付款凭证号").fill("YH-20261202");
        assertNoSeriousAxeViolations(pay);
        Browser.screenshot(pay, "finance-expenses");
        pay.getByText("长辈版：未开启").click();
        assertElderMode(pay);
        pay.getByTestId("expense-" + id).getByLabel("付款凭证号").fill("YH-20261202");
        button(pay, "支付").click();
        assertThat(pay.getByRole(AriaRole.STATUS).textContent()).contains("支出已支付并入账");
        assertThat(pay.getByTestId("expense-" + id).textContent()).contains("已支付").contains("YH-20261202");
        pay.goBack();
        pay.getByTestId("expense-" + id).getByLabel("付款凭证号").fill("YH-20261202");
        button(pay, "支付").click();
        assertThat(pay.locator("h1").textContent()).isEqualTo("支出审批");
        assertThat(pay.getByTestId("expense-" + id).textContent()).contains("已支付");
        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        as(payer.token()).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get(Finance.base(branch) + "/cash-book").then().statusCode(200)
                .body("findAll { it.kind == 'EXPENSE' }.amountFen", equalTo(List.of(32_050)));
        Finance.pay(payer.token(), branch, id).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:already-paid"));
        pay.context().close();
    }

    @Test
    @DisplayName("R-FIN-3, R-FIN-5, R-DIV-1, R-DIV-2, R-DIV-3, R-DIV-5, R-DIV-6: last month published with its "
            + "printable PDF; last year audited and locked, its dividends computed and published, each member's share "
            + "shown with every figure it is computed from, the withdrawals chosen with card numbers masked")
    void disclosureYearAndDividends() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("findiv");
        String code = branch.code();
        Api.Login finance = Api.staffLogin(branch, "FINANCE");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Finance.coCreationMember(branch, building);
        database.update("UPDATE t_" + code + ".membership SET starts_on = starts_on - 366");
        int year = LocalDate.now(BusinessClock.ZONE).getYear() - 1;
        Api.idempotent(finance.token()).body(Map.of("source", "SPONSORSHIP", "amountFen", 100_000, "channel",
                "ONLINE", "receivedOn", year + "-12-15", "reference", "ZZ-" + code, "description", "年终赞助"))
                .post(Finance.base(branch) + "/income").then().statusCode(201);
        YearMonth last = YearMonth.now(BusinessClock.ZONE).minusMonths(1);

        Page page = Browser.loggedIn(finance.username());
        page.setViewportSize(1280, 900);
        page.navigate(Browser.url("/s/" + code + "/finance/disclosures"));
        button(page, "公示 " + last.getYear() + "年" + last.getMonthValue() + "月").click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("公示已发布");
        assertThat(page.getByTestId("disclosure-" + last).textContent()).contains("第 1 版").contains("首次公示");
        String pdf = page.getByText("打印第 1 版公示（PDF）").getAttribute("href");
        APIResponse notice = page.request().get(Browser.url(pdf));
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.headers().get("content-type")).startsWith("application/pdf");
        as(finance.token()).get(Finance.base(branch) + "/disclosures").then().statusCode(200)
                .body("[0].month", equalTo(last.toString())).body("[0].revisions", hasSize(1));
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "finance-disclosures");

        page.navigate(Browser.url("/s/" + code + "/finance/year?year=" + year));
        assertThat(page.getByTestId("result").textContent()).contains("1000.00 元");
        field(page, "会计师事务所名称").fill("某会计师事务所");
        field(page, "审计报告（PDF，10 MB 以内）")
                .setInputFiles(new FilePayload("audit.pdf", "application/pdf", Finance.PDF));
        button(page, "上传审计报告").click();
        assertThat(page.getByTestId("audit").textContent()).contains("某会计师事务所");
        button(page, "锁定 " + year + " 年度").click();
        assertThat(page.getByTestId("year").textContent()).contains("已由 工作人员 于");
        assertNoSeriousAxeViolations(page);

        page.navigate(Browser.url("/s/" + code + "/finance/dividends?year=" + year));
        button(page, "计算 " + year + " 年度分红").click();
        Locator figures = page.getByTestId("figures");
        assertThat(figures.textContent()).contains("计算结果（尚未公示）").contains("1000.00 元").contains("600.00 元")
                .contains("250.00 元").contains("100.00 元").contains("50.00 元").contains("结果一致")
                .contains("王**");
        button(page, "公示这次计算结果").click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("分红已公示");
        assertThat(page.getByTestId("figures").textContent()).contains("已由 工作人员 于");
        as(member.token()).get(Finance.base(branch) + "/dividends/" + year).then().statusCode(200)
                .body("netProfitFen", equalTo(100_000)).body("groups.CO_CREATION_MEMBERS", equalTo(60_000));
        as(member.token()).get(Finance.base(branch) + "/dividends/" + year + "/me").then().statusCode(200)
                .body("share.amountFen", equalTo(60_000));
        Api.idempotent(member.token()).body(Map.of("choice", "WITHDRAWAL", "bankAccount", Map.of("name", "王秀英",
                "bank", "中国银行朝阳支行", "accountNo", "6216610100001234567")))
                .put(Finance.base(branch) + "/dividends/" + year + "/me/choice").then().statusCode(200);
        page.reload();
        assertThat(page.getByTestId("figures").textContent()).contains("中国银行朝阳支行").contains("****4567")
                .doesNotContain("6216610100001234567");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "finance-dividends");
        page.context().close();
    }
}
