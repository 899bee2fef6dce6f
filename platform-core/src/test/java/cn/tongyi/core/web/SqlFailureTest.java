package cn.tongyi.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class SqlFailureTest {

    private static final String DETAIL = "Failing row contains (欧阳秀兰, 1949-12-31)";

    @Test
    @DisplayName("A unique violation names its constraint")
    void uniqueViolation() {
        SqlFailure failure = SqlFailure.in(wrapped(server("23505", "duplicate key value"))).orElseThrow();
        assertThat(failure.isUniqueViolation()).isTrue();
        assertThat(failure.constraint()).contains("person_username_key");
        assertThat(SqlFailure.in(wrapped(server("23514", "check"))).orElseThrow().isUniqueViolation()).isFalse();
    }

    private static RuntimeException wrapped(PSQLException e) {
        return new IllegalStateException("wrapped: " + DETAIL,
                new ConstraintViolationException("could not execute statement [" + DETAIL + "]", e, null));
    }

    /** An error as PostgreSQL sends it, detail included. */
    private static PSQLException server(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0M" + message + "\0D" + DETAIL
                + "\0splatform\0tperson\0nperson_username_key\0"));
    }
}
