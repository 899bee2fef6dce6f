package cn.tongyi.core.incident;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.EventsDelivered;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.PluginJars;
import cn.tongyi.core.support.PluginSwitch;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Safety incidents during a service: the report at once, the response, the emergency fund, the 24-hour report. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class IncidentTest {

    @Inject
    Database database;

    private record Scene(Api.OnboardedBranch branch, String steward, Members.Registered resident, long orderId) {

        String incidents() {
            return "/api/branches/" + branch.code() + "/incidents";
        }
    }

    private static Scene scene(String prefix) {
        Api.OnboardedBranch branch = Api.onboardActive(prefix);
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        long order = TimeBank.posted(resident.token(), branch.code(), TimeBank.request("SHOPPING",
                MovableClock.businessNow().plusDays(1), null, 60, false));
        return new Scene(branch, steward, resident, order);
    }

    private static Map<String, Object> incident(Scene scene, OffsetDateTime occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceRequestId", Ids.request(scene.orderId()));
        body.put("injuredMemberId", scene.resident().memberId());
        body.put("place", "3号楼楼梯");
        body.put("whatHappened", "陪同下楼时老人滑倒");
        body.put("injuries", "右手腕肿痛");
        body.put("occurredAt", occurredAt.toString());
        return body;
    }

    @Test
    @DisplayName("R-INCIDENT-1: an incident during a service is reported at once with the steward's arrival and the "
            + "call to 120 timed; IncidentReported (ids and branch only) reaches the insurance plugin")
    void reportedAtOnce() {
        Scene scene = scene("incident");
        PluginSwitch.enable(scene.branch(), PluginJars.TROUBLE);
        OffsetDateTime now = MovableClock.businessNow();

        String id = idempotent(scene.steward()).body(incident(scene, now.minusMinutes(5))).post(scene.incidents())
                .then().statusCode(201).body("reportDueAt", notNullValue()).extract().path("id");
        idempotent(scene.steward()).body(Map.of("stewardArrivedAt", now.minusMinutes(1).toString(),
                        "ambulanceCalledAt", now.minusMinutes(3).toString()))
                .post(scene.incidents() + "/" + id + "/response").then().statusCode(200)
                .body("stewardArrivedBy", notNullValue()).body("ambulanceCalledAt", notNullValue());
        idempotent(scene.steward()).body(Map.of("ambulanceCalledAt", now.toString()))
                .post(scene.incidents() + "/" + id + "/response").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:incident-response-recorded"));

        assertThat(database.count("SELECT count(*) FROM platform.domain_event WHERE type = 'IncidentReported' AND "
                + "branch_code = ? AND attributes ->> 'incidentId' = ? AND attributes ->> 'serviceRequestId' = ? "
                + "AND (SELECT count(*) FROM jsonb_object_keys(attributes)) = 2", scene.branch().code(), id,
                Long.toString(scene.orderId()))).isEqualTo(1);
        EventsDelivered.until(() -> as(scene.branch().headToken()).get("/api/branches/" + scene.branch().code()
                + "/plugins/trouble/seen").then().extract().<List<String>>path("type").contains("IncidentReported"));
    }

    @Test
    @DisplayName("R-INCIDENT-2: the emergency fund advances urgent medical costs from the mutual-aid fund; the "
            + "insurer's payout reimburses it, never more than the advance")
    void emergencyFund() {
        Scene scene = scene("incfund");
        String finance = Api.staff(scene.branch(), "FINANCE");
        String id = idempotent(scene.steward()).body(incident(scene, MovableClock.businessNow().minusMinutes(1)))
                .post(scene.incidents()).then().statusCode(201).extract().path("id");
        String incident = scene.incidents() + "/" + id;

        idempotent(scene.steward()).body(Map.of("amountFen", 80_000, "reference", "急-1"))
                .post(incident + "/advances").then().statusCode(403);
        idempotent(finance).body(Map.of("amountFen", 80_000, "reference", "急-1")).post(incident + "/advances")
                .then().statusCode(200).body("outstandingAdvanceFen", equalTo(80_000))
                .body("fundMovements[0].kind", equalTo("ADVANCE"));
        idempotent(finance).body(Map.of("amountFen", 90_000, "reference", "保险-1")).post(incident + "/reimbursements")
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:reimbursement-exceeds-advance"));
        idempotent(finance).body(Map.of("amountFen", 80_000, "reference", "保险-1")).post(incident + "/reimbursements")
                .then().statusCode(200).body("outstandingAdvanceFen", equalTo(0))
                .body("fundMovements", hasSize(2));
    }

    @Test
    @DisplayName("R-INCIDENT-3: the incident report with causes and improvements is due within 24 hours; a late one "
            + "is overdue for the head and HQ and flagged late once filed")
    void reportWithin24Hours() {
        Scene scene = scene("increport");
        String id = idempotent(scene.steward()).body(incident(scene, MovableClock.businessNow().minusMinutes(1)))
                .post(scene.incidents()).then().statusCode(201).body("reportOverdue", equalTo(false))
                .extract().path("id");
        String incident = scene.incidents() + "/" + id;

        MovableClock.moveOn(Duration.ofHours(25));
        as(scene.branch().headToken()).get("/api/branches/" + scene.branch().code() + "/overdue").then()
                .body("find { it.item == '" + id + "' }.clock", equalTo("INCIDENT_REPORT"));
        as(Api.admin()).get("/api/admin/overdue").then().body("item", hasItem(id));
        idempotent(scene.steward()).body(Map.of("causes", "楼梯湿滑", "improvements", ""))
                .post(incident + "/report").then().statusCode(400);
        idempotent(scene.steward()).body(Map.of("causes", "楼梯湿滑", "improvements", "雨天陪同走电梯"))
                .post(incident + "/report").then().statusCode(200).body("reportOverdue", equalTo(true))
                .body("causes", equalTo("楼梯湿滑"));
        as(scene.branch().headToken()).get("/api/branches/" + scene.branch().code() + "/overdue").then()
                .body("item", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    @DisplayName("R-INCIDENT-1: an incident names a service order of the branch and a time already past; wrong roles "
            + "and other branches are refused; nothing is written")
    void refusals() {
        Scene scene = scene("incbad");
        Map<String, Object> unknownOrder = incident(scene, MovableClock.businessNow().minusMinutes(1));
        unknownOrder.put("serviceRequestId", 999_999_999);
        idempotent(scene.steward()).body(unknownOrder).post(scene.incidents()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tongyi:problem:service-request-not-found"));
        idempotent(scene.steward()).body(incident(scene, MovableClock.businessNow().plusHours(1)))
                .post(scene.incidents()).then().statusCode(400);
        idempotent(scene.resident().token()).body(incident(scene, MovableClock.businessNow().minusMinutes(1)))
                .post(scene.incidents()).then().statusCode(403);
        as(scene.steward()).get(scene.incidents()).then().statusCode(200).body("", hasSize(0));
        assertThat(database.count("SELECT count(*) FROM platform.domain_event WHERE type = 'IncidentReported' AND "
                + "branch_code = ?", scene.branch().code())).isZero();
    }
}
