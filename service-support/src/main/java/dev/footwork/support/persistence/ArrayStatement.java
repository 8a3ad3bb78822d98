package dev.footwork.support.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * One SQL statement with whole columns as array parameters ({@code unnest(?::uuid[], ...)}, {@code
 * = any(?)}), run on the JDBC connection of the caller's Hibernate session: how a batch writes or
 * reads many rows in one statement. It goes around the session: it flushes none of the session's
 * pending changes and changes none of the entities the session holds.
 *
 * <pre>{@code
 * ArrayStatement.on(entityManager, "select k from unnest(?::text[]) as k where k <> ?")
 *         .array("text", keys)
 *         .param(skipped)
 *         .query(row -> row.getString(1));
 * }</pre>
 */
public final class ArrayStatement {

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Binds one parameter, in the order the statement's {@code ?} placeholders come. */
    @FunctionalInterface
    private interface Parameter {
        void bind(Connection connection, PreparedStatement statement, int index)
                throws SQLException;
    }

    /** What runs the prepared statement, its parameters bound. */
    @FunctionalInterface
    private interface Run<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private final EntityManager entityManager;
    private final String sql;
    private final List<Parameter> parameters = new ArrayList<>();

    private ArrayStatement(EntityManager entityManager, String sql) {
        this.entityManager = entityManager;
        this.sql = sql;
    }

    /**
     * The statement {@code sql}, with JDBC's {@code ?} placeholders, on the session's connection.
     */
    public static ArrayStatement on(EntityManager entityManager, String sql) {
        return new ArrayStatement(entityManager, sql);
    }

    /** The next parameter: a string. */
    public ArrayStatement param(String value) {
        parameters.add((connection, statement, index) -> statement.setString(index, value));
        return this;
    }

    /** The next parameter: an integer. */
    public ArrayStatement param(int value) {
        parameters.add((connection, statement, index) -> statement.setInt(index, value));
        return this;
    }

    /**
     * The next parameter: an array of PostgreSQL's {@code elementType} ({@code uuid}, {@code text},
     * {@code int4}, {@code int8}...).
     */
    public ArrayStatement array(String elementType, Object[] elements) {
        parameters.add(
                (connection, statement, index) ->
                        statement.setArray(index, connection.createArrayOf(elementType, elements)));
        return this;
    }

    /** Runs it; rows it returns, if any, are not read. */
    public void execute() {
        run(
                statement -> {
                    statement.execute();
                    return null;
                });
    }

    /** Runs it and reads each row it returns with {@code row}: the distinct values read. */
    public <T> Set<T> query(Row<T> row) {
        return run(
                statement -> {
                    Set<T> read = new HashSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            read.add(row.read(rows));
                        }
                    }
                    return read;
                });
    }

    private <T> T run(Run<T> run) {
        return entityManager
                .unwrap(Session.class)
                .doReturningWork(
                        connection -> {
                            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                                for (int i = 0; i < parameters.size(); i++) {
                                    parameters.get(i).bind(connection, statement, i + 1);
                                }
                                return run.on(statement);
                            }
                        });
    }
}
