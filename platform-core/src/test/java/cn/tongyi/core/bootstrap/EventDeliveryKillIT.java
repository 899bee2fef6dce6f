package cn.tongyi.core.bootstrap;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.PluginJars;
import cn.tongyi.core.support.PluginSwitch;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.testplugin.TroubleListener;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox against a crash: the packaged platform is killed (SIGKILL) while a plugin's listener is in the middle of
 * an event whose raising transaction had committed; after a restart the event is delivered, once.
 */
class EventDeliveryKillIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private EmbeddedDatabase database;
    private Path plugins;

    @BeforeEach
    void startDatabase() {
        database = EmbeddedDatabase.ephemeral(work.resolve("pg"));
        plugins = PluginJars.into(work.resolve("plugins"));
    }

    @AfterEach
    void stopDatabase() {
        RestAssured.reset();
        database.stop();
    }

    @Test
    @DisplayName("An event committed before a kill -9, its delivery cut short, is delivered after the restart, once")
    void deliveredAfterRestart() throws IOException {
        Path hold = work.resolve("hold");
        Files.writeString(hold, "hold the listener");
        Path holding = work.resolve("hold.holding");
        int port = PlatformJar.freePort();
        Api.OnboardedBranch branch;
        try (ChildProcess platform = platform(port, hold)) {
            platform.awaitOutput("Listening on", TIMEOUT);
            RestAssured.port = port;
            branch = Api.onboardActive("crash");
            PluginSwitch.enable(branch, PluginJars.TROUBLE);
            Members.registerOnline(branch, Members.building(branch, "1号楼"));
            Poll.until(TIMEOUT, () -> Files.exists(holding), () -> "the listener never started:\n" + platform.output());
            platform.kill(TIMEOUT);
        }
        String event = Files.readString(holding);
        Files.delete(hold);

        try (ChildProcess platform = platform(port, hold)) {
            platform.awaitOutput("Listening on", TIMEOUT);
            String head = Api.login(branch.headUsername(), Api.PASSWORD);
            String seen = "/api/branches/" + branch.code() + "/plugins/trouble/seen";
            Poll.until(TIMEOUT, () -> !as(head).get(seen).then().statusCode(200).extract().<List<Object>>path("$")
                    .isEmpty(), () -> "not delivered after the restart:\n" + platform.output());
            List<String> events = as(head).get(seen).then().extract().path("eventId");
            assertThat(events).containsExactly(event);
            platform.stop(TIMEOUT);
        }
    }

    private ChildProcess platform(int port, Path hold) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "TONGYI_DB_URL", database.jdbcUrl(),
                "TONGYI_DB_USER", database.user(),
                "TONGYI_DATA_DIR", work.resolve("data").toString(),
                "TONGYI_ADMIN_PASSWORD", TestDatabase.ADMIN_PASSWORD,
                "TONGYI_HTTP_PORT", Integer.toString(port),
                "TONGYI_PLUGINS_DIR", plugins.toString(),
                TroubleListener.HOLD, hold.toString()));
        return PlatformJar.launch(work, settings);
    }
}
