package cn.tongyi.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

class SqlFailureTest {

    private static final String DETAIL = "Failing row contains (欧阳秀兰, 1949-12-31)";

    @Test
    @DisplayName("Refused, dropped or shut-down connections and a pool with none free mean the database is unavailable")
    void unavailable() {
        assertThat(unavailable(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
                .isTrue();
        assertThat(unavailable(new JDBCConnectionException("could not prepare statement",
                new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(unavailable(server("57P01", "terminating connection due to administrator command"))).isTrue();
        assertThat(unavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();

        assertThat(unavailable(server("23505", "duplicate key value"))).isFalse();
        assertThat(unavailable(server("40001", "could not serialize access"))).isFalse();
        assertThat(unavailable(new SQLException("no state"))).isFalse();
        assertThat(SqlFailure.in(new IllegalStateException("no database", new RuntimeException()))).isEmpty();
    }

    @Test
    @DisplayName("A unique violation names its constraint")
    void uniqueViolation() {
        SqlFailure failure = SqlFailure.in(wrapped(server("23505", "duplicate key value"))).orElseThrow();
        assertThat(failure.isUniqueViolation()).isTrue();
        assertThat(failure.constraint()).contains("person_username_key");
        assertThat(SqlFailure.in(wrapped(server("23514", "check"))).orElseThrow().isUniqueViolation()).isFalse();
    }

    @Test
    @DisplayName("R-MEMBER-3: what is logged of a failure is state, constraint, table and classes, never the row")
    void loggable() {
        SqlFailure failure = SqlFailure.in(wrapped(server("23505", "duplicate key value"))).orElseThrow();
        assertThat(failure.toString()).isEqualTo("SQL state 23505, constraint person_username_key, table "
                + "platform.person, exceptions java.lang.IllegalStateException < "
                + "org.hibernate.exception.ConstraintViolationException < org.postgresql.util.PSQLException");

        StringWriter trace = new StringWriter();
        failure.withoutMessages().printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .contains("org.hibernate.exception.ConstraintViolationException",
                        "at " + SqlFailureTest.class.getName())
                .doesNotContain("欧阳秀兰", "1949-12-31", "duplicate key value", "could not execute statement");
    }

    private static boolean unavailable(Exception e) {
        return SqlFailure.in(new IllegalStateException("wrapped", e)).orElseThrow().isDatabaseUnavailable();
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
