package cn.tongyi.core.support;

import static cn.tongyi.core.support.Api.as;

import cn.tongyi.web.BusinessClock;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for the finance tests: co-creation members, the council, expenses, income, business time on a day. */
public final class Finance {

    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    public static final byte[] PDF = "%PDF-1.4\n% audit report\n%%EOF\n".getBytes();

    private Finance() {
    }

    public static String base(Api.OnboardedBranch branch) {
        return "/api/branches/" + branch.code() + "/finance";
    }

    /** A resident of the building with a paid co-creation year. */
    public static Members.Registered coCreationMember(Api.OnboardedBranch branch, long building) {
        Members.Registered member = Members.registerOnline(branch, building);
        Members.payFee(branch, member.memberId(), "CO_CREATION");
        return member;
    }

    /** A council of {@code size} co-creation members, seated today by the head. */
    public static List<Members.Registered> council(Api.OnboardedBranch branch, long building, int size) {
        List<Members.Registered> council = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Members.Registered member = coCreationMember(branch, building);
            as(branch.headToken()).body(Map.of("memberId", member.memberId()))
                    .post("/api/branches/" + branch.code() + "/governance/council/seats").then().statusCode(201);
            council.add(member);
        }
        return council;
    }

    public static Response requestExpense(String token, Api.OnboardedBranch branch, String item, long amountFen) {
        return Api.idempotent(token).body(Map.of("item", item, "amountFen", amountFen, "payee", "社区五金店",
                "description", "活动室维修材料")).post(base(branch) + "/expenses");
    }

    public static String expense(String token, Api.OnboardedBranch branch, String item, long amountFen) {
        return requestExpense(token, branch, item, amountFen).then().statusCode(201).extract().path("id");
    }

    public static Response approve(String token, Api.OnboardedBranch branch, String expenseId, boolean approve) {
        return Api.idempotent(token).body(Map.of("approve", approve))
                .post(base(branch) + "/expenses/" + expenseId + "/approvals");
    }

    public static void invoice(String token, Api.OnboardedBranch branch, String expenseId) {
        Api.idempotent(token).contentType("image/jpeg").body(JPEG)
                .post(base(branch) + "/expenses/" + expenseId + "/invoices").then().statusCode(201);
    }

    public static Response pay(String token, Api.OnboardedBranch branch, String expenseId) {
        return Api.idempotent(token).body(Map.of("reference", "YH-" + UUID.randomUUID().toString().substring(0, 8)))
                .post(base(branch) + "/expenses/" + expenseId + "/payment");
    }

    /** An approved (by the head) and paid expense of at most 500.00 CNY, requested and paid by finance officers. */
    public static String paidExpense(Api.OnboardedBranch branch, String finance, String payer, String item,
            long amountFen) {
        String id = expense(finance, branch, item, amountFen);
        approve(branch.headToken(), branch, id, true).then().statusCode(200);
        invoice(finance, branch, id);
        pay(payer, branch, id).then().statusCode(201);
        return id;
    }

    public static Response income(String token, Api.OnboardedBranch branch, String source, long amountFen,
            String channel) {
        return Api.idempotent(token).body(Map.of("source", source, "amountFen", amountFen, "channel", channel,
                "reference", "SR-" + UUID.randomUUID().toString().substring(0, 12), "description", "共享空间租赁"))
                .post(base(branch) + "/income");
    }

    /** Moves business time to 10:00 on the day (Asia/Shanghai), for the rest of the calling test. */
    public static void today(LocalDate day) {
        ZonedDateTime target = day.atTime(10, 0).atZone(BusinessClock.ZONE);
        MovableClock.installShiftedBy(Duration.between(Instant.now(), target.toInstant()));
    }
}
