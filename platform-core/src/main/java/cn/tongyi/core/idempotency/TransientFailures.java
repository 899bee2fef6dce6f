package cn.tongyi.core.idempotency;

import java.sql.SQLException;
import java.util.Set;

/** Which database failures are worth a fresh attempt of the whole transaction. Pure logic. */
public final class TransientFailures {

    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK_DETECTED = "40P01";
    static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> RACE_CONSTRAINTS = Set.of("ledger_transfer_idem", "ledger_account_member",
            "ledger_account_system");

    private TransientFailures() {
    }

    /**
     * True for a serialization failure, a deadlock, or a unique violation on a constraint a concurrent twin of the
     * same write races for (the retry then finds the twin's row and answers from it).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
                    return true;
                }
                if (UNIQUE_VIOLATION.equals(state) && sql.getMessage() != null
                        && RACE_CONSTRAINTS.stream().anyMatch(c -> sql.getMessage().contains("\"" + c + "\""))) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
