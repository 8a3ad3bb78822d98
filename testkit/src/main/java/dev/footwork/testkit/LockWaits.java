package dev.footwork.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who is waiting for a lock, for tests that hold one and let the system run into it, asked from
 * inside the transaction that holds it. Every answer comes from {@code pg_locks}, which is read
 * afresh on each query; {@code pg_stat_activity} is not: a transaction sees the sessions that were
 * there when it first looked, so a session connecting later (a pool opening a connection for the
 * request under test) would never be counted.
 */
public final class LockWaits {

    private LockWaits() {}

    /** Sessions of the server waiting for any lock: a table's, a row's or an advisory one. */
    public static long sessionsWaiting(Connection connection) throws SQLException {
        return count(
                connection, "select count(distinct pid) from pg_locks where not granted", null);
    }

    /** Sessions waiting for a lock that the session of {@code holder} holds. */
    public static long sessionsWaitingFor(Connection holder) throws SQLException {
        return count(
                holder,
                "select count(distinct pid) from pg_locks where not granted and pg_backend_pid() ="
                        + " any(pg_blocking_pids(pid))",
                null);
    }

    /** Lock requests on {@code table} not granted yet. */
    public static long waitingOn(Connection connection, String table) throws SQLException {
        return count(
                connection,
                "select count(*) from pg_locks where not granted and relation = ?::regclass",
                table);
    }

    private static long count(Connection connection, String sql, String parameter)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet n = query.executeQuery()) {
                n.next();
                return n.getLong(1);
            }
        }
    }
}
