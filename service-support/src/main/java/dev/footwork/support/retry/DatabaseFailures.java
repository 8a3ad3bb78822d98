package dev.footwork.support.retry;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The one rule for database failures that pass with time, by SQLSTATE: connection loss (08),
 * serialization failures and deadlocks (40), exhausted resources (53), operator intervention and
 * statement timeouts (57), lock timeouts (55P03) and a database that turned read-only in a failover
 * (25006). Data and constraint errors (22, 23) repeat. The inbox retries such a record instead of
 * dead-lettering it; the API answers 503 with {@code Retry-After} instead of 500.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /**
     * Whether {@code failure} passes with time by its type or its SQLSTATE. A failure without a
     * SQLSTATE is for the caller to judge.
     */
    public static boolean passesWithTime(SQLException failure) {
        if (failure instanceof SQLTransientException
                || failure instanceof SQLRecoverableException) {
            return true;
        }
        String state = failure.getSQLState();
        return state != null
                && (state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || state.equals("55P03")
                        || state.equals("25006"));
    }
}
