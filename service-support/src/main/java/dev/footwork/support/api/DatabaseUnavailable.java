package dev.footwork.support.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure to reach the database (unreachable, restarting, or every pooled connection busy
 * past the acquisition timeout) from a fault of the request or of the code. The first is the
 * service's condition, not the caller's: the API answers 503 with {@code Retry-After}, as the
 * readiness check does, instead of 500.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /** What made the database unavailable, if that is what {@code failure} comes from. */
    static Optional<String> in(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException) {
                return Optional.of(String.valueOf(t.getMessage()));
            }
            if (t instanceof SQLException sql && unavailable(sql)) {
                return Optional.of(String.valueOf(sql.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            // 08: connection exception; 53300: too many connections; 57P01-57P03: the server is
            // shutting down, crashed or starting (PostgreSQL's error codes, appendix A)
            return state.startsWith("08")
                    || state.equals("53300")
                    || state.equals("57P01")
                    || state.equals("57P02")
                    || state.equals("57P03");
        }
        // the pool (Agroal) reports an exhausted pool with a plain SQLException and no state
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
