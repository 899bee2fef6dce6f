package cn.tongyi.core.membership;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MembershipTest {

    @Inject
    Database database;

    @Test
    @DisplayName("R-MEMBER-2, R-FIN-1: a TRIAL fee of 100 CNY in cash buys a year, a 1-hour voucher, and is branch income")
    void trialFeeInCash() {
        Api.OnboardedBranch branch = Api.onboardActive("trial");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);
        String finance = Api.staff(branch, "FINANCE");
        String financeName = as(finance).get("/api/me").then().extract().path("username");
        LocalDate today = LocalDate.now(BusinessClock.ZONE);

        fee(finance, branch, member.memberId(), "TRIAL", "CASH", "SJ-0001", UUID.randomUUID().toString())
                .then().statusCode(201)
                .body("amountFen", equalTo(10_000))
                .body("currency", equalTo("CNY"))
                .body("receivedBy", equalTo(financeName))
                .body("membershipStartsOn", equalTo(today.toString()))
                .body("membershipEndsOn", equalTo(today.plusYears(1).toString()));

        as(member.token()).get("/api/branches/" + branch.code() + "/members/me").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("membership.type", equalTo("TRIAL"))
                .body("voucherMinutes", equalTo(60));
        assertThat(database.count("SELECT sum(amount_fen) FROM t_" + branch.code()
                + ".branch_income WHERE source = 'MEMBERSHIP_FEE'")).isEqualTo(10_000);
    }

    @Test
    @DisplayName("R-MEMBER-2: renewal extends the year from its end; expiry makes the member inactive")
    void renewalAndExpiry() {
        Api.OnboardedBranch branch = Api.onboardActive("renew");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);
        LocalDate today = LocalDate.now(BusinessClock.ZONE);

        fee(branch.headToken(), branch, member.memberId(), "TRIAL", "ONLINE", "WX-" + UUID.randomUUID(),
                UUID.randomUUID().toString()).then().statusCode(201).body("receivedBy", equalTo(null));
        fee(branch.headToken(), branch, member.memberId(), "CO_CREATION", "ONLINE", "WX-" + UUID.randomUUID(),
                UUID.randomUUID().toString()).then().statusCode(201)
                .body("amountFen", equalTo(100_000))
                .body("membershipStartsOn", equalTo(today.plusYears(1).toString()))
                .body("membershipEndsOn", equalTo(today.plusYears(2).toString()));

        MovableClock.installShiftedBy(Duration.ofDays(366 * 2 + 1));
        as(member.token()).get("/api/branches/" + branch.code() + "/members/me").then().statusCode(200)
                .body("status", equalTo("EXPIRED"));
    }

    @Test
    @DisplayName("R-MEMBER-2: of 51 co-creation members paying at once, exactly the first 50 get the founding benefit")
    void firstFiftyCoCreationMembers() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("first50");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            members.add(Members.registerOnPaper(branch, steward, building));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Response>> payments = new ArrayList<>();
        for (String memberId : members) {
            payments.add(() -> fee(steward, branch, memberId, "CO_CREATION", "CASH", "SJ-" + UUID.randomUUID(),
                    UUID.randomUUID().toString()));
        }
        int founding = 0;
        try {
            for (Future<Response> payment : pool.invokeAll(payments)) {
                Response response = payment.get();
                assertThat(response.statusCode()).isEqualTo(201);
                founding += response.jsonPath().getBoolean("foundingBenefit") ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(founding).isEqualTo(50);
    }

    @Test
    @DisplayName("R-BRANCH-1, R-MEMBER-2: a branch in preparation takes no fees; a receipt counts once; retries apply once")
    void refusals() {
        Api.OnboardedBranch preparing = Api.onboard("prepfee");
        Members.Registered early = Members.registerOnline(preparing, Members.building(preparing, "1号楼"));
        fee(preparing.headToken(), preparing, early.memberId(), "TRIAL", "CASH", "SJ-1", UUID.randomUUID().toString())
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:branch-not-active"));

        Api.OnboardedBranch branch = Api.onboardActive("receipt");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);
        Members.Registered other = Members.registerOnline(branch, building);
        String key = UUID.randomUUID().toString();
        fee(branch.headToken(), branch, member.memberId(), "TRIAL", "CASH", "SJ-77", key).then().statusCode(201);
        fee(branch.headToken(), branch, member.memberId(), "TRIAL", "CASH", "SJ-77", key).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        fee(branch.headToken(), branch, other.memberId(), "TRIAL", "CASH", "SJ-77", UUID.randomUUID().toString())
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:receipt-used"));
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".fee_payment")).isEqualTo(1);
        fee(branch.headToken(), branch, member.memberId(), "GOLD", "CASH", "SJ-78", UUID.randomUUID().toString())
                .then().statusCode(400);
        as(member.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "TRIAL", "channel", "CASH", "receiptNo", "SJ-79"))
                .post("/api/branches/" + branch.code() + "/members/" + member.memberId() + "/fees")
                .then().statusCode(403);
    }

    private static Response fee(String token, Api.OnboardedBranch branch, String memberId, String type,
            String channel, String receipt, String key) {
        return as(token).header("Idempotency-Key", key)
                .body(Map.of("type", type, "channel", channel, "receiptNo", receipt))
                .post("/api/branches/" + branch.code() + "/members/" + memberId + "/fees");
    }
}
