package dev.footwork.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which database failures pass with time (the event is retried, never dead-lettered) and which
 * repeat (the event is poison), by SQLSTATE, as architecture.md section 4 classifies them.
 */
class TransientFailureTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "08006", // connection failure
                "08001", // cannot connect
                "40001", // serialization failure
                "40P01", // deadlock
                "53300", // too many connections
                "57P01", // admin shutdown
                "57014", // statement timeout (query canceled)
                "55P03", // lock not available (lock timeout)
                "25006" // read-only transaction, after a failover to a replica
            })
    void aFailureThatPassesWithTimeIsRetried(String sqlState) {
        assertThat(EventInbox.isTransient(wrapped(sqlState))).as(sqlState).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "22001", // value too long
                "22P02", // invalid text representation
                "23505", // unique violation
                "23503", // foreign key violation
                "42P01" // undefined table
            })
    void aFailureThatRepeatsIsNot(String sqlState) {
        assertThat(EventInbox.isTransient(wrapped(sqlState))).as(sqlState).isFalse();
    }

    /** As Hibernate and the transaction manager hand it on: the SQL error a few causes down. */
    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException(
                "commit failed",
                new PersistenceException(new SQLException("database says no", sqlState)));
    }
}
