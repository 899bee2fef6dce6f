package cn.tongyi.core.bootstrap;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform behind a real PgBouncer in transaction pooling mode (ADR 16): each transaction may run on
 * another server connection, so any session state (a schema switched with {@code setSchema}, a session {@code SET},
 * a session advisory lock) would leak from one branch's request into another's or be lost.
 */
class PgBouncerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int SERVER_CONNECTIONS = 4;
    private static final int CLIENTS = 16;
    private static final int BRANCHES = 8;

    @TempDir
    Path work;

    private EmbeddedDatabase database;
    private PgBouncer bouncer;
    private ChildProcess platform;

    @BeforeEach
    void startBehindPgBouncer() {
        database = EmbeddedDatabase.ephemeral(work.resolve("pg"));
        bouncer = PgBouncer.inFrontOf(database, SERVER_CONNECTIONS, work.resolve("pgbouncer"));
        int port = PlatformJar.freePort();
        platform = PlatformJar.launch(work, Map.of(
                "TONGYI_DB_URL", bouncer.jdbcUrl(),
                "TONGYI_DB_USER", database.user(),
                "TONGYI_DB_POOL_MAX", Integer.toString(CLIENTS),
                "TONGYI_REGISTRATION_LIMIT_PER_HOUR", "1000",
                "TONGYI_DATA_DIR", work.resolve("data").toString(),
                "TONGYI_ADMIN_PASSWORD", TestDatabase.ADMIN_PASSWORD,
                "TONGYI_HTTP_PORT", Integer.toString(port)));
        platform.awaitOutput("Listening on", TIMEOUT);
        RestAssured.port = port;
        Api.forgetAdmin();
    }

    @AfterEach
    void stop() {
        RestAssured.reset();
        Api.forgetAdmin();
        if (platform != null) {
            platform.close();
        }
        if (bouncer != null) {
            bouncer.close();
        }
        database.stop();
    }

    @Test
    @DisplayName("Behind PgBouncer in transaction mode with 4 server connections for 16 clients, 8 branches onboarded "
            + "and used at once: no request reads or writes another branch's rows, and the ledger stays conserved")
    void branchesStayApartBehindATransactionPooler() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Api.OnboardedBranch> branches = all(clients, IntStream.range(0, BRANCHES)
                    .mapToObj(i -> (Callable<Api.OnboardedBranch>) PgBouncerIT::branchWithAReferral).toList());
            all(clients, IntStream.range(0, CLIENTS).mapToObj(i -> (Callable<Void>) () -> {
                for (int round = 0; round < 12; round++) {
                    writeAndReadBuildings(branches.get(ThreadLocalRandom.current().nextInt(BRANCHES)));
                }
                return null;
            }).toList());

            for (Api.OnboardedBranch branch : branches) {
                as(branch.headToken()).get("/api/branches/" + branch.code()).then().statusCode(200);
                assertThat(count("SELECT count(*) FROM t_" + branch.code() + ".building WHERE name NOT LIKE '"
                        + branch.code() + "-%'")).as("buildings of other branches in t_%s", branch.code()).isZero();
            }
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(count("""
                SELECT count(*) FROM platform.ledger_transfer t
                JOIN platform.ledger_account a ON a.id = t.credit_account_id
                JOIN platform.person p ON p.id = a.person_id
                WHERE t.kind = 'REFERRAL' AND p.home_branch = t.branch_code""")).as("referrals, each in its branch")
                .isEqualTo(BRANCHES);
        assertThat(count("""
                SELECT count(*) FROM platform.ledger_account a
                WHERE a.type = 'MEMBER' AND a.balance <> (
                    SELECT coalesce(sum(CASE WHEN t.credit_account_id = a.id THEN t.amount ELSE -t.amount END), 0)
                    FROM platform.ledger_transfer t WHERE t.credit_account_id = a.id OR t.debit_account_id = a.id)"""))
                .as("cached balances that differ from their entries").isZero();
        assertThat(count("""
                SELECT (SELECT coalesce(sum(balance), 0) FROM platform.ledger_account WHERE type = 'MEMBER')
                     + (SELECT coalesce(sum(CASE WHEN a.id = t.credit_account_id THEN t.amount ELSE -t.amount END), 0)
                        FROM platform.ledger_account a JOIN platform.ledger_transfer t
                          ON a.id IN (t.credit_account_id, t.debit_account_id)
                        WHERE a.type <> 'MEMBER')""")).as("sum over all accounts").isZero();
        assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE datname = 'postgres' AND backend_type = "
                + "'client backend' AND pid <> pg_backend_pid()")).as("server connections PgBouncer opened")
                .isLessThanOrEqualTo(SERVER_CONNECTIONS);
    }

    /** Onboards a branch (its schema migrated through the pooler), whose referrer earns points from a paid fee. */
    private static Api.OnboardedBranch branchWithAReferral() {
        Api.OnboardedBranch branch = Api.onboardActive("bouncer");
        long building = Members.building(branch, branch.code() + "-1");
        Members.Registered referrer = Members.registerOnline(branch, building);
        Members.Registered referred = Members.registerOnline(branch, building, Members.idNumberOfAge(35),
                referrer.memberId());
        Members.payFee(branch, referred.memberId(), "TRIAL");
        as(referrer.token()).get("/api/me/points").then().statusCode(200)
                .body("points", equalTo("20.00"));
        return branch;
    }

    private static void writeAndReadBuildings(Api.OnboardedBranch branch) {
        Members.building(branch, branch.code() + "-" + UUID.randomUUID().toString().substring(0, 8));
        List<String> names = as(branch.headToken()).get("/api/branches/" + branch.code() + "/buildings")
                .then().statusCode(200).extract().path("name");
        assertThat(names).as("buildings listed in %s", branch.code()).isNotEmpty()
                .allMatch(name -> name.startsWith(branch.code() + "-"));
    }

    private static <T> List<T> all(ExecutorService clients, List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(clients.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(5, TimeUnit.MINUTES));
        }
        return results;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
