package cn.tongyi.core.finance;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ExpenseApprovalTest {

    private static final String PROBLEM = "urn:tongyi:problem:";

    @Inject
    Database database;

    @Test
    @DisplayName("R-FIN-2: the tiers are exact to the fen: 500.00 the head, 500.01 and 5,000.00 two core-team members "
            + "(reported to HQ), 5,000.01 the council")
    void tierBoundaries() {
        Api.OnboardedBranch branch = Api.onboardActive("tiers");
        String finance = Api.staff(branch, "FINANCE");
        Map<Long, String> expected = Map.of(50_000L, "HEAD", 50_001L, "CORE_TEAM", 500_000L, "CORE_TEAM",
                500_001L, "COUNCIL", 1L, "HEAD");
        expected.forEach((fen, tier) -> Finance.requestExpense(finance, branch, "OPERATIONS", fen).then()
                .statusCode(201).body("tier", equalTo(tier)).body("status", equalTo("PENDING_APPROVAL"))
                .body("reportedToHq", equalTo(!tier.equals("HEAD"))).body("amountFen", equalTo(fen.intValue())));
        as(Api.admin()).get("/api/admin/finance/reported-expenses").then().statusCode(200)
                .body("findAll { it.branch == '" + branch.code() + "' }.amountFen.sort()",
                        equalTo(List.of(50_001, 500_000, 500_001)));
    }

    @Test
    @DisplayName("R-FIN-2: up to 500.00 CNY only the branch head approves; a steward or finance officer cannot, nor "
            + "the head their own request")
    void headTier() {
        Api.OnboardedBranch branch = Api.onboardActive("headtier");
        String finance = Api.staff(branch, "FINANCE");
        String steward = Api.staff(branch, "STEWARD");
        String id = Finance.expense(finance, branch, "OPERATIONS", 50_000);
        Finance.approve(steward, branch, id, true).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "approver-not-head"));
        Finance.approve(Api.staff(branch, "FINANCE"), branch, id, true).then().statusCode(403);
        Finance.approve(finance, branch, id, true).then().statusCode(403).body("type", equalTo(PROBLEM + "own-expense"));
        Finance.approve(branch.headToken(), branch, id, true).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvals.approver", hasItem(branch.headUsername()));

        String own = Finance.expense(branch.headToken(), branch, "SITE", 100);
        Finance.approve(branch.headToken(), branch, own, true).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "own-expense"));
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".expense_approval")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-FIN-2: 500.01 to 5,000.00 CNY needs two distinct core-team members, never the requester; one "
            + "approval or the same member twice is not enough, and a refusal rejects it")
    void coreTeamTier() {
        Api.OnboardedBranch branch = Api.onboardActive("coretier");
        String finance = Api.staff(branch, "FINANCE");
        String steward = Api.staff(branch, "STEWARD");
        String id = Finance.expense(finance, branch, "TECHNOLOGY", 50_001);
        Finance.approve(finance, branch, id, true).then().statusCode(403).body("type", equalTo(PROBLEM + "own-expense"));
        Finance.approve(steward, branch, id, true).then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        Finance.approve(steward, branch, id, true).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "already-approved"));
        Finance.pay(Api.staff(branch, "FINANCE"), branch, id).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "approval-incomplete"));
        Finance.approve(branch.headToken(), branch, id, true).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvals.size()", equalTo(2));

        String refused = Finance.expense(finance, branch, "TECHNOLOGY", 500_000);
        Finance.approve(steward, branch, refused, false).then().statusCode(200).body("status", equalTo("REJECTED"));
        Finance.approve(branch.headToken(), branch, refused, true).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "expense-decided"));
    }

    @Test
    @DisplayName("R-FIN-2: above 5,000.00 CNY the member representative council votes: 6 YES of its 10 seats carry "
            + "it, 5 NO reject it; approvals, non-members and the requester's vote are refused")
    void councilTier() {
        Api.OnboardedBranch branch = Api.onboardActive("council");
        long building = Members.building(branch, "1号楼");
        String finance = Api.staff(branch, "FINANCE");
        List<Members.Registered> council = Finance.council(branch, building, 10);
        Members.Registered outsider = Finance.coCreationMember(branch, building);
        String id = Finance.expense(finance, branch, "SITE", 500_001);
        Finance.approve(branch.headToken(), branch, id, true).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "council-vote-required"));
        vote(outsider.token(), branch, id, true).then().statusCode(403).body("type", equalTo(PROBLEM + "not-on-council"));
        as(outsider.token()).get(Finance.base(branch) + "/expenses/" + id).then().statusCode(403);
        as(council.get(0).token()).get(Finance.base(branch) + "/expenses/" + id).then().statusCode(200)
                .body("tier", equalTo("COUNCIL"));
        for (int i = 0; i < 5; i++) {
            vote(council.get(i).token(), branch, id, true).then().statusCode(200)
                    .body("status", equalTo("PENDING_APPROVAL"));
        }
        vote(council.get(0).token(), branch, id, true).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "already-voted"));
        vote(council.get(5).token(), branch, id, false).then().statusCode(200).body("votesAgainst", equalTo(1));
        vote(council.get(6).token(), branch, id, true).then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("votesFor", equalTo(6));
        vote(council.get(7).token(), branch, id, true).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "expense-decided"));

        String rejected = Finance.expense(finance, branch, "SITE", 10_000_000);
        for (int i = 0; i < 5; i++) {
            vote(council.get(i).token(), branch, rejected, false).then().statusCode(200);
        }
        as(finance).get(Finance.base(branch) + "/expenses/" + rejected).then().body("status", equalTo("REJECTED"));
    }

    @Test
    @DisplayName("R-FIN-2: a council member who is also the finance officer never votes on their own request")
    void councilRequesterDoesNotVote() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("ownvote");
        long building = Members.building(branch, "1号楼");
        Members.Registered councillor = Finance.council(branch, building, 2).get(0);
        database.update("INSERT INTO platform.role_grant (person_id, branch_code, role, granted_by, granted_at) "
                + "VALUES (?, ?, 'FINANCE', 'test', now())", Api.personId(councillor.token()), branch.code());
        String both = Api.login(councillor.username(), Api.PASSWORD);
        String id = Finance.expense(both, branch, "SITE", 600_000);
        vote(both, branch, id, true).then().statusCode(403).body("type", equalTo(PROBLEM + "own-expense"));
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".expense_vote")).isZero();
    }

    @Test
    @DisplayName("R-FIN-2: an approved expense is paid once, with an invoice whose content matches its type, by a "
            + "finance officer who did not request it; a second payment and zero or negative amounts are refused")
    void paymentOnce() {
        Api.OnboardedBranch branch = Api.onboardActive("payonce");
        String finance = Api.staff(branch, "FINANCE");
        String payer = Api.staff(branch, "FINANCE");
        String id = Finance.expense(finance, branch, "OPERATIONS", 42_000);
        Finance.approve(branch.headToken(), branch, id, true).then().statusCode(200);
        Finance.pay(payer, branch, id).then().statusCode(409).body("type", equalTo(PROBLEM + "invoice-required"));
        Api.idempotent(finance).contentType("image/png").body(Finance.JPEG)
                .post(Finance.base(branch) + "/expenses/" + id + "/invoices").then().statusCode(415)
                .body("type", equalTo(PROBLEM + "file-type-mismatch"));
        Api.idempotent(finance).contentType("image/gif").body(new byte[] {'G', 'I', 'F'})
                .post(Finance.base(branch) + "/expenses/" + id + "/invoices").then().statusCode(415);
        Finance.invoice(finance, branch, id);
        Finance.pay(finance, branch, id).then().statusCode(403).body("type", equalTo(PROBLEM + "own-expense"));
        Finance.pay(payer, branch, id).then().statusCode(201).body("status", equalTo("PAID"))
                .body("payment.paidBy", not(equalTo(null)));
        Finance.pay(payer, branch, id).then().statusCode(409).body("type", equalTo(PROBLEM + "already-paid"));
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".expense_payment")).isEqualTo(1);
        String invoiceId = as(finance).get(Finance.base(branch) + "/expenses/" + id).then().extract()
                .path("invoices[0].id");
        assertThat(as(finance).get(Finance.base(branch) + "/expenses/" + id + "/invoices/" + invoiceId).then()
                .statusCode(200).contentType("image/jpeg").extract().asByteArray()).isEqualTo(Finance.JPEG);

        for (long bad : new long[] {0, -100}) {
            Finance.requestExpense(finance, branch, "OPERATIONS", bad).then().statusCode(400)
                    .body("type", equalTo(PROBLEM + "invalid-request")).body("errors.field", hasItem("amountFen"));
        }
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".expense")).isEqualTo(1);
    }

    private static Response vote(String token, Api.OnboardedBranch branch, String id,
            boolean inFavour) {
        return Api.idempotent(token).body(Map.of("inFavour", inFavour))
                .post(Finance.base(branch) + "/expenses/" + id + "/votes");
    }
}
