package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LockWaitsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static JdbcDatabase database;

    @BeforeAll
    static void database() throws SQLException {
        database = PostgresServer.shared().createDatabase("testkit_lock_waits");
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("create table gate (id int primary key)");
            s.execute("insert into gate values (1)");
        }
    }

    /**
     * The holder asks before the waiter has connected, then again: a session that connected after
     * the holder's transaction first looked must be seen too.
     */
    @Test
    void seesWaitersThatConnectAfterTheHolderFirstLooked() throws Exception {
        try (Connection holder = database.connect()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("lock table gate in access exclusive mode");
                s.execute("select pg_advisory_xact_lock(42)");
            }
            assertThat(LockWaits.sessionsWaiting(holder)).isZero();
            assertThat(LockWaits.sessionsWaitingFor(holder)).isZero();
            assertThat(LockWaits.waitingOn(holder, "gate")).isZero();

            CompletableFuture<Void> onTable = runAlone("select count(*) from gate");
            CompletableFuture<Void> onAdvisory = runAlone("select pg_advisory_xact_lock(42)");
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> {
                                assertThat(LockWaits.sessionsWaiting(holder)).isEqualTo(2);
                                assertThat(LockWaits.sessionsWaitingFor(holder)).isEqualTo(2);
                                assertThat(LockWaits.waitingOn(holder, "gate")).isEqualTo(1);
                            });
            holder.commit();

            CompletableFuture.allOf(onTable, onAdvisory).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(LockWaits.sessionsWaiting(holder)).isZero();
        }
    }

    /** Runs {@code sql} on a new connection, in a transaction of its own. */
    private static CompletableFuture<Void> runAlone(String sql) {
        return CompletableFuture.runAsync(
                () -> {
                    try (Connection c = database.connect();
                            Statement s = c.createStatement()) {
                        c.setAutoCommit(false);
                        s.execute(sql);
                        c.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
