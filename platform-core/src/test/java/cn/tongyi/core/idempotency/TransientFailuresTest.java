package cn.tongyi.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    @DisplayName("R-LEDGER-3: serialization failures, deadlocks and lost key races are retried; nothing else is")
    void classification() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException(
                "duplicate key value violates unique constraint \"ledger_transfer_idem\"", "23505")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException(
                "duplicate key value violates unique constraint \"person_username_key\"", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("immutable", "23001")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("no cause"))).isFalse();
    }

    @Test
    @DisplayName("Retry backoff is jittered and bounded")
    void backoff() {
        for (int attempt = 1; attempt <= TransientRetryInterceptor.ATTEMPTS; attempt++) {
            for (int i = 0; i < 100; i++) {
                assertThat(TransientRetryInterceptor.backoffMillis(attempt)).isBetween(0L, 80L);
            }
        }
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("wrapped", new IllegalStateException("again", e));
    }
}
