package cn.tongyi.core.dividend;

import cn.tongyi.core.finance.UploadedFile;
import cn.tongyi.core.finance.Yuan;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.PostedTransfer;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * R-DIV-5: each member chooses, once, what becomes of their published dividend: a withdrawal to a bank card (a payout
 * instruction for the bank's batch file; the platform bears the bank's fee, the member receives the whole amount), or
 * points, posted to the ledger once ({@code DIVIDEND_CONVERSION}, issued by the branch). Points are worth what they buy
 * at a merchant ({@code tongyi.dividend.fen-per-point}, 300 fen by R-MERCHANT-2); the hundredths are rounded up, the
 * platform bearing the fraction as it bears the bank fee. Bank details are sealed like other private data (ADR 6).
 */
@ApplicationScoped
public class DividendChoices {

    public enum Choice {
        WITHDRAWAL,
        POINTS
    }

    public record BankAccount(String name, String bank, String accountNo) {
    }

    public record Chosen(UUID memberId, Choice choice, long amountFen, String bank, String accountNoMasked,
            Long centiPoints, Long transferId, OffsetDateTime chosenAt) {
    }

    private final PlainSql sql;
    private final LedgerService ledger;
    private final PiiVault vault;
    private final BusinessClock clock;
    private final long fenPerPoint;

    DividendChoices(PlainSql sql, LedgerService ledger, PiiVault vault, BusinessClock clock,
            @ConfigProperty(name = "tongyi.dividend.fen-per-point") long fenPerPoint) {
        this.sql = sql;
        this.ledger = ledger;
        this.vault = vault;
        this.clock = clock;
        this.fenPerPoint = fenPerPoint;
    }

    /** Centi-points for an amount, rounded up: the member never gets less than their fen are worth. */
    long centiPoints(long amountFen) {
        return (Math.multiplyExact(amountFen, 100L) + fenPerPoint - 1) / fenPerPoint;
    }

    public Chosen choose(BranchCode branch, Dividends.Run run, Dividends.ShareLine share, Choice choice,
            BankAccount account, String actor) {
        if (share.amountFen() == 0) {
            throw ApiProblem.conflict("no-dividend", "There is no dividend to pay out");
        }
        if (chosen(branch, run.id(), share.memberId()) != null) {
            throw ApiProblem.conflict("choice-made", "The dividend's payout was chosen already");
        }
        String schema = branch.schemaName();
        if (choice == Choice.WITHDRAWAL) {
            if (account == null || blank(account.name()) || blank(account.bank()) || blank(account.accountNo())
                    || !account.accountNo().matches("[0-9]{12,30}")) {
                throw ApiProblem.invalidField("bank-account-required", "bankAccount",
                        "A withdrawal needs the account holder's name, the bank and a 12–30 digit card number");
            }
            String row = run.id() + ":" + share.memberId();
            sql.update("INSERT INTO " + schema + """
                    .dividend_choice (run_id, member_id, choice, amount_fen, account_name, account_no, bank, chosen_by,
                        chosen_at) VALUES (?, ?, 'WITHDRAWAL', ?, ?, ?, ?, ?, ?)""", run.id(), share.memberId(),
                    share.amountFen(), vault.seal(account.name().strip(), place(schema, row, "account_name")),
                    vault.seal(account.accountNo(), place(schema, row, "account_no")), account.bank().strip(), actor,
                    clock.now());
        } else {
            long points = centiPoints(share.amountFen());
            PostedTransfer transfer = ledger.post(TransferRequest.issue(TransferKind.DIVIDEND_CONVERSION,
                    branch.value(), share.personId(), points, new TransferRequest.Reference("DIVIDEND",
                            run.year() + ":" + share.memberId()),
                    "dividend:" + branch.value() + ":" + run.year() + ":" + share.memberId(), actor));
            sql.update("INSERT INTO " + schema + """
                    .dividend_choice (run_id, member_id, choice, amount_fen, centi_points, transfer_id, chosen_by,
                        chosen_at) VALUES (?, ?, 'POINTS', ?, ?, ?, ?, ?)""", run.id(), share.memberId(),
                    share.amountFen(), points, transfer.id(), actor, clock.now());
        }
        return chosen(branch, run.id(), share.memberId());
    }

    public Chosen chosen(BranchCode branch, UUID runId, UUID memberId) {
        return choices(branch, runId, "AND member_id = ?", memberId).stream().findFirst().orElse(null);
    }

    /** The withdrawals of a run, account numbers masked. */
    public List<Chosen> withdrawals(BranchCode branch, UUID runId) {
        return choices(branch, runId, "AND choice = 'WITHDRAWAL'");
    }

    /**
     * The bank's batch file of a run's withdrawals, account numbers in clear (CSV, UTF-8): each export is recorded
     * with who took it, when, and the file's digest.
     */
    public byte[] batchFile(BranchCode branch, Dividends.Run run, String actor) {
        String schema = branch.schemaName();
        List<String[]> lines = sql.query("SELECT member_id, amount_fen, account_name, account_no, bank FROM " + schema
                + ".dividend_choice WHERE run_id = ? AND choice = 'WITHDRAWAL' ORDER BY member_id", row -> {
                    String id = run.id() + ":" + row.getObject(1, UUID.class);
                    return new String[] {row.getObject(1, UUID.class).toString(),
                        vault.open(row.getBytes(3), place(schema, id, "account_name")),
                        vault.open(row.getBytes(4), place(schema, id, "account_no")), row.getString(5),
                        Yuan.of(row.getLong(2)), "PLATFORM", run.year() + "年度分红"};
                }, run.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("member_id", "account_name", "account_no", "bank", "amount_cny",
                        "fee_borne_by", "purpose").get())) {
            for (String[] line : lines) {
                printer.printRecord((Object[]) line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] file = out.toByteArray();
        long total = withdrawals(branch, run.id()).stream().mapToLong(Chosen::amountFen).sum();
        sql.update("INSERT INTO " + schema + """
                .dividend_payout_export (run_id, lines, total_fen, sha256, exported_by, exported_at)
                VALUES (?, ?, ?, ?, ?, ?)""", run.id(), lines.size(), total,
                UploadedFile.sha256(file), actor, clock.now());
        return file;
    }

    private List<Chosen> choices(BranchCode branch, UUID runId, String condition, Object... more) {
        String schema = branch.schemaName();
        Object[] parameters = new Object[more.length + 1];
        parameters[0] = runId;
        System.arraycopy(more, 0, parameters, 1, more.length);
        return sql.query("SELECT member_id, choice, amount_fen, bank, account_no, centi_points, transfer_id, chosen_at"
                + " FROM " + schema + ".dividend_choice WHERE run_id = ? " + condition + " ORDER BY member_id", row -> {
                    UUID member = row.getObject(1, UUID.class);
                    byte[] accountNo = row.getBytes(5);
                    return new Chosen(member, Choice.valueOf(row.getString(2)), row.getLong(3), row.getString(4),
                            accountNo == null ? null : masked(vault.open(accountNo,
                                    place(schema, runId + ":" + member, "account_no"))),
                            (Long) row.getObject(6), (Long) row.getObject(7), row.getObject(8, OffsetDateTime.class));
                }, parameters);
    }

    private static PiiVault.Place place(String schema, String row, String field) {
        return new PiiVault.Place(schema, "dividend_choice", row, field);
    }

    /** A card number shown by its last four digits only. */
    private static String masked(String accountNo) {
        return "****" + accountNo.substring(accountNo.length() - 4);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
