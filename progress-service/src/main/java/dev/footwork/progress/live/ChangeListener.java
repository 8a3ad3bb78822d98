package dev.footwork.progress.live;

import dev.footwork.contracts.PatientKey;
import dev.footwork.progress.persistence.ProgressNotifier;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL for committed progress changes of any replica ({@code LISTEN
 * footwork_progress}) and hands them to this replica's {@link ProgressChanges}. One connection is
 * kept for it; when the database goes away it reconnects with back-off.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final int POLL_MILLIS = 500;

    private final AgroalDataSource dataSource;
    private final ProgressChanges changes;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    ChangeListener(AgroalDataSource dataSource, ProgressChanges changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "progress-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        stopped.countDown();
        if (thread != null) {
            thread.join(Duration.ofSeconds(2).toMillis());
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ProgressNotifier.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                backoff = Duration.ofMillis(200);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(
                        "Progress change listener lost the database, retrying in %s: %s",
                        backoff, e);
                pause(backoff);
                backoff =
                        backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                                ? Duration.ofSeconds(10)
                                : backoff.multipliedBy(2);
            }
        }
    }

    private void deliver(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0) {
            changes.changed(
                    new PatientKey(payload.substring(0, space), payload.substring(space + 1)));
        }
    }

    /** Waits before reconnecting; returns at once when the service stops. */
    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
