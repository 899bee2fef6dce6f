package cn.tongyi.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.PostedTransfer;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The migration that takes back what the old confirmation credited twice (R-SERVICE-6). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ServiceCreditMigrationTest {

    private static final String CHANGESET = "core:0007-service-credited-once";

    @Inject
    LedgerService ledger;
    @Inject
    People people;
    @Inject
    Database database;

    @Test
    @DisplayName("R-SERVICE-6, R-LEDGER-3: a service paid with points and also credited by the branch, as the old "
            + "confirmation posted it, is corrected by a visible CORRECTION of the branch credit, once; no entry changes")
    void doubleCreditsAreCorrectedOnce() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("doubled");
        long resident = people.withoutLogin("resident", branch.code());
        long volunteer = people.withoutLogin("volunteer", branch.code());
        ledger.post(TransferRequest.issue(TransferKind.REFERRAL, branch.code(), resident, Points.of(5),
                null, "fund:" + UUID.randomUUID(), "test"));
        String key = branch.code() + ":42";
        TransferRequest.Reference order = new TransferRequest.Reference("SERVICE_REQUEST", key);
        ledger.post(TransferRequest.payment(branch.code(), resident, volunteer, 225, order, "service-payment:" + key,
                "resident", null));
        PostedTransfer doubled = ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch.code(), volunteer, 225,
                order, "service:" + key, "resident"));
        assertThat(ledger.balance(volunteer)).as("+4.50 for a 2 h 15 min service, as observed").isEqualTo(450);
        String entriesBefore = database.strings("SELECT t::text FROM platform.ledger_transfer t WHERE branch_code = ? "
                + "ORDER BY id", branch.code()).toString();

        database.update(changeset());
        database.update(changeset());

        assertThat(ledger.balance(volunteer)).as("exactly 1 point an hour").isEqualTo(225);
        assertThat(ledger.balance(resident)).isEqualTo(Points.of(5) - 225);
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE kind = 'CORRECTION' "
                + "AND corrects_id = ? AND amount = 225 AND credit_account_id = ?", doubled.id(),
                database.longs("SELECT debit_account_id FROM platform.ledger_transfer WHERE id = ?", doubled.id()).get(0)))
                .isEqualTo(1);
        assertThat(database.strings("SELECT t::text FROM platform.ledger_transfer t WHERE branch_code = ? "
                + "AND kind <> 'CORRECTION' ORDER BY id", branch.code()).toString()).isEqualTo(entriesBefore);
        assertThat(database.count("""
                SELECT count(*) FROM platform.ledger_account a
                WHERE a.type = 'MEMBER' AND a.balance <> (
                    SELECT coalesce(sum(CASE WHEN t.credit_account_id = a.id THEN t.amount ELSE -t.amount END), 0)
                    FROM platform.ledger_transfer t WHERE t.credit_account_id = a.id OR t.debit_account_id = a.id)"""))
                .isZero();
    }

    /** The change set as Liquibase runs it: its one statement, without the header and comments. */
    private static String changeset() throws IOException {
        try (InputStream file = ServiceCreditMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/platform/0007_trust_first.sql")) {
            String text = new String(file.readAllBytes(), StandardCharsets.UTF_8);
            String part = Arrays.stream(text.split("--changeset ")).filter(p -> p.startsWith(CHANGESET)).findFirst()
                    .orElseThrow();
            return part.substring(part.indexOf('\n') + 1).lines().filter(line -> !line.startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }
}
