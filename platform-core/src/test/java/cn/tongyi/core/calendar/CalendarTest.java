package cn.tongyi.core.calendar;

import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HQ keeps the working-day calendar; deadlines counted in working days follow it. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class CalendarTest {

    private static final String CALENDAR = "/api/admin/calendar";
    private static final List<String> HOLIDAYS = List.of("2030-10-01", "2030-10-02", "2030-10-03", "2030-10-04",
            "2030-10-07");

    @Test
    @DisplayName("R-LEDGER-6: HQ declares public holidays and make-up working days; working-day deadlines follow them")
    void holidaysAndMakeUpDaysMoveDeadlines() {
        String admin = Api.admin();
        try {
            for (String day : HOLIDAYS) {
                as(admin).body(Map.of("working", false, "name", "国庆节")).put(CALENDAR + "/" + day)
                        .then().statusCode(200).body("working", equalTo(false));
            }
            as(admin).body(Map.of("working", true, "name", "国庆节调休")).put(CALENDAR + "/2030-09-29")
                    .then().statusCode(200).body("updatedBy", equalTo("admin"));
            as(admin).get(CALENDAR + "?year=2030").then().statusCode(200)
                    .body("day", contains("2030-09-29", "2030-10-01", "2030-10-02", "2030-10-03", "2030-10-04",
                            "2030-10-07"));

            // Friday 27 September: Sunday 29 (make-up) and Monday 30 count, 1–7 October do not, Tuesday 8 is the 3rd
            deadline(admin, "2030-09-27", 3).then().statusCode(200).body("date", equalTo("2030-10-08"));
            as(admin).delete(CALENDAR + "/2030-10-07").then().statusCode(204);
            deadline(admin, "2030-09-27", 3).then().statusCode(200).body("date", equalTo("2030-10-07"));
            as(admin).delete(CALENDAR + "/2030-10-07").then().statusCode(404)
                    .body("type", equalTo("urn:tongyi:problem:calendar-day-not-found"));
        } finally {
            for (String day : List.of("2030-09-29", "2030-10-01", "2030-10-02", "2030-10-03", "2030-10-04")) {
                as(admin).delete(CALENDAR + "/" + day);
            }
        }
        deadline(admin, "2030-09-27", 3).then().statusCode(200).body("date", equalTo("2030-10-02"));
    }

    @Test
    @DisplayName("R-LEDGER-6: a day that changes nothing, a bad date or a bad count is refused; only HQ keeps the "
            + "calendar")
    void refusals() {
        String admin = Api.admin();
        as(admin).body(Map.of("working", false, "name", "周六")).put(CALENDAR + "/2030-10-05").then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:not-an-exception"));
        as(admin).body(Map.of("working", true, "name", "周二")).put(CALENDAR + "/2030-10-08").then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:not-an-exception"));
        as(admin).body(Map.of("working", false, "name", "")).put(CALENDAR + "/2030-10-08").then().statusCode(400);
        as(admin).body(Map.of("working", false, "name", "x")).put(CALENDAR + "/2030-13-01").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-date"));
        deadline(admin, "2030-09-27", 0).then().statusCode(400);
        as(admin).get(CALENDAR + "?year=1999").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-year"));

        Api.OnboardedBranch branch = Api.onboard("calendar");
        as(branch.headToken()).body(Map.of("working", false, "name", "假日")).put(CALENDAR + "/2030-10-08")
                .then().statusCode(403);
        anonymous().body(Map.of("working", false, "name", "假日")).put(CALENDAR + "/2030-10-08")
                .then().statusCode(401);
        as(admin).get(CALENDAR + "?year=2030").then().statusCode(200).body("", empty());
    }

    private static io.restassured.response.Response deadline(String token, String from, int days) {
        return as(token).get(CALENDAR + "/working-days?from=" + from + "&days=" + days);
    }
}
