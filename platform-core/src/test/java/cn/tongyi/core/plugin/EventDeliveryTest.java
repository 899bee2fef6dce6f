package cn.tongyi.core.plugin;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.EventsDelivered;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.PluginJars;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Domain events reach the plugins enabled in their branch through the outbox: after the raising transaction commits,
 * at least once, retried with backoff by the business clock, parked after repeated failures for HQ to send again.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class EventDeliveryTest {

    @Inject
    EventDeliveries deliveries;

    @Inject
    Database database;

    @Test
    @DisplayName("A member's registration reaches the plugin switched on in their branch, once, and no other branch's")
    void deliveredToEnabledPlugins() {
        Api.OnboardedBranch on = PluginHostTest.enabledIn("evton");
        Api.OnboardedBranch off = Api.onboardActive("evtoff");
        Members.Registered member = Members.registerOnline(on, Members.building(on, "1号楼"));
        Members.registerOnline(off, Members.building(off, "1号楼"));

        UUID event = eventOf(on, member.memberId());
        EventsDelivered.until(() -> status(event).equals("DELIVERED"));
        as(on.headToken()).get(seen(on)).then().statusCode(200)
                .body("eventId", equalTo(List.of(event.toString())))
                .body("type", equalTo(List.of("MemberRegistered")));
        assertThat(database.count("SELECT count(*) FROM platform.domain_event WHERE branch_code = ?", off.code()))
                .isZero();

        assertThat(deliveries.deliverDue()).isZero();
        assertThat(status(event)).isEqualTo("DELIVERED");
    }

    @Test
    @DisplayName("A listener that throws has its work rolled back and is retried with backoff; after 8 failures the "
            + "delivery is parked, HQ sees it and sends it again once the cause is fixed")
    void failingListenerIsRetriedParkedAndRedelivered() {
        Api.OnboardedBranch branch = PluginHostTest.enabledIn("evtfail");
        PluginHostTest.setFailEvents(branch, true);
        Members.Registered member = Members.registerOnline(branch, Members.building(branch, "1号楼"));
        UUID event = eventOf(branch, member.memberId());

        EventsDelivered.until(() -> attempts(event) > 0);
        as(branch.headToken()).get(seen(branch)).then().statusCode(200).body("eventId", not(hasItem(event.toString())));
        assertThat(status(event)).isEqualTo("PENDING");
        int before = attempts(event);
        deliveries.deliverDue();
        assertThat(attempts(event)).as("not due again before its backoff").isEqualTo(before);

        for (int round = 0; round < 2 * EventDeliveries.MAX_ATTEMPTS && !status(event).equals("PARKED"); round++) {
            MovableClock.moveOn(Duration.ofHours(2));
            deliveries.deliverDue();
        }
        assertThat(status(event)).isEqualTo("PARKED");
        assertThat(attempts(event)).isEqualTo(EventDeliveries.MAX_ATTEMPTS);
        as(Api.admin()).get("/api/admin/plugins/deliveries/parked?plugin=trouble").then().statusCode(200)
                .body("find { it.eventId == '" + event + "' }.lastError",
                        equalTo("IllegalStateException: the listener's own bug"))
                .body("find { it.eventId == '" + event + "' }.branch", equalTo(branch.code()));

        PluginHostTest.setFailEvents(branch, false);
        as(Api.admin()).post("/api/admin/plugins/trouble/deliveries/" + event + "/redelivery").then().statusCode(202);
        EventsDelivered.until(() -> status(event).equals("DELIVERED"));
        as(branch.headToken()).get(seen(branch)).then().body("eventId", hasItem(event.toString()));
        as(Api.admin()).post("/api/admin/plugins/trouble/deliveries/" + event + "/redelivery").then().statusCode(404)
                .body("type", endsWith("delivery-not-parked"));
        as(branch.headToken()).post("/api/admin/plugins/trouble/deliveries/" + event + "/redelivery").then()
                .statusCode(403);
    }

    private UUID eventOf(Api.OnboardedBranch branch, String memberId) {
        List<String> events = database.strings("""
                SELECT id::text FROM platform.domain_event WHERE branch_code = ? AND attributes ->> 'memberId' = ?""",
                branch.code(), memberId);
        assertThat(events).hasSize(1);
        return UUID.fromString(events.get(0));
    }

    private String status(UUID event) {
        return database.strings("SELECT status FROM platform.event_delivery WHERE event_id = ?::uuid AND plugin_id = ?",
                event.toString(), PluginJars.TROUBLE).get(0);
    }

    private int attempts(UUID event) {
        return (int) database.count("SELECT attempts FROM platform.event_delivery WHERE event_id = ?::uuid "
                + "AND plugin_id = ?", event.toString(), PluginJars.TROUBLE);
    }

    private static String seen(Api.OnboardedBranch branch) {
        return "/api/branches/" + branch.code() + "/plugins/trouble/seen";
    }
}
