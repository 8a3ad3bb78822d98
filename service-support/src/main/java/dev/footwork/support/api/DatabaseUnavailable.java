package dev.footwork.support.api;

import dev.footwork.support.retry.DatabaseFailures;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure to reach the database (unreachable, restarting, busy with locks, or every pooled
 * connection busy past the acquisition timeout) from a fault of the request or of the code: the
 * failures that pass with time ({@link DatabaseFailures}, the inbox's rule too) and the pool's
 * acquisition timeout. They are the service's condition, not the caller's: the API answers 503 with
 * {@code Retry-After}, as the readiness check does, instead of 500.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /** What made the database unavailable, if that is what {@code failure} comes from. */
    static Optional<String> in(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException
                    || t instanceof SQLException sql
                            && (DatabaseFailures.passesWithTime(sql) || poolExhausted(sql))) {
                return Optional.of(String.valueOf(t.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** The pool (Agroal) reports an exhausted pool with a plain SQLException and no state. */
    private static boolean poolExhausted(SQLException e) {
        String message = e.getMessage();
        return e.getSQLState() == null
                && message != null
                && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
