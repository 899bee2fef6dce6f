package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BenefitsReminderTest {

    @Test
    @DisplayName("R-MEMBER-7: on the 5th every member gets one benefits reminder in the inbox, however often the job runs")
    void monthlyReminder() {
        Api.OnboardedBranch branch = Api.onboardActive("remind");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);
        Members.payFee(branch, member.memberId(), "TRIAL");
        String inbox = "/api/branches/" + branch.code() + "/inbox";

        as(Api.admin()).post("/api/admin/jobs/benefits-reminders/runs?day=2031-03-04").then().statusCode(200)
                .body("created", equalTo(0));
        as(member.token()).get(inbox).then().statusCode(200).body("messages", hasSize(0));

        as(Api.admin()).post("/api/admin/jobs/benefits-reminders/runs?day=2031-03-05").then().statusCode(200);
        as(Api.admin()).post("/api/admin/jobs/benefits-reminders/runs?day=2031-03-05").then().statusCode(200);
        String id = as(member.token()).get(inbox).then().statusCode(200)
                .body("messages", hasSize(1))
                .body("messages[0].kind", equalTo("BENEFITS_REMINDER"))
                .body("messages[0].title", equalTo("2031-03 会员权益提醒"))
                .body("messages[0].body", containsString("60 分钟"))
                .extract().path("messages[0].id");
        as(member.token()).post(inbox + "/" + id + "/read").then().statusCode(200);
        as(branch.headToken()).post(inbox + "/" + id + "/read").then().statusCode(404);
        as(branch.headToken()).post("/api/admin/jobs/benefits-reminders/runs").then().statusCode(403);
        as(Api.admin()).post("/api/admin/jobs/no-such-job/runs").then().statusCode(404);
    }
}
