package dev.footwork.progress.live;

import dev.footwork.progress.application.ChangeNotices;
import dev.footwork.progress.application.ProgressFollowers;
import dev.footwork.support.retry.Backoff;
import dev.footwork.support.retry.ShutdownSignal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL for the committed progress changes of every replica ({@code LISTEN} on
 * {@link ChangeNotices#CHANNEL}) and hands them to this replica's {@link ProgressFollowers}. One
 * connection is kept for it; when the database goes away it reconnects with back-off.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final int POLL_MILLIS = 500;

    private final AgroalDataSource dataSource;
    private final ProgressFollowers followers;
    private final ShutdownSignal shutdown;
    private Thread thread;

    ChangeListener(
            AgroalDataSource dataSource, ProgressFollowers followers, ShutdownSignal shutdown) {
        this.dataSource = dataSource;
        this.followers = followers;
        this.shutdown = shutdown;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "progress-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        // raised here as well, so the loop ends before its connection's pool closes
        shutdown.raise();
        if (thread != null) {
            thread.join(Duration.ofSeconds(2).toMillis());
        }
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        while (!shutdown.raised()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeNotices.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                backoff.succeeded();
                while (!shutdown.raised()) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            ChangeNotices.patientOf(notification.getParameter())
                                    .ifPresent(followers::changed);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (shutdown.raised()) {
                    return;
                }
                Duration pause = backoff.failed();
                LOG.warnf(
                        "Progress change listener lost the database, retrying in %s: %s", pause, e);
                if (shutdown.await(pause)) {
                    return;
                }
            }
        }
    }
}
