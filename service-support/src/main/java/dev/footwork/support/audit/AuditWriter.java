package dev.footwork.support.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Group commit of the audit entries of requests that changed nothing (reads and refusals): the
 * entries of all requests that finish while one insert is under way are written together by one
 * writer thread, in one transaction with one batched insert, instead of a commit per request. A
 * request thread waits until its entries are committed ({@link #write}), so no answered read goes
 * unrecorded even if the process dies; only event-loop threads, which must not wait, hand their
 * entries over without waiting ({@link #submit}). The queue is bounded: when it is full, request
 * threads wait for room (back-pressure on the requests, never unbounded memory). When the database
 * refuses a group for its data (an entry that breaks a constraint), each request's entries are
 * written alone, so only the refused one fails.
 */
@ApplicationScoped
class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);

    /** Requests whose entries may wait at once; a full queue makes request threads wait. */
    private static final int CAPACITY = 4096;

    /** Requests whose entries one insert writes at most. */
    private static final int GROUP = 256;

    /** How long a request waits for room or for its commit before it counts as a failed write. */
    private static final long WAIT_SECONDS = 10;

    private static final String INSERT =
            "insert into audit_entry (id, clinic_id, patient_ref, occurred_at, actor, roles,"
                    + " client, remote_address, action, method, path, operation, status) values"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record Pending(List<AuditEntry> entries, CompletableFuture<Void> written) {}

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AgroalDataSource dataSource;
    private volatile Thread writer;

    AuditWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent started) {
        Thread thread = new Thread(this::run, "footwork-audit-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /** Writes what is queued before the datasource goes away. */
    void stop(@Observes ShutdownEvent stopping) {
        Thread running = writer;
        writer = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeQueued();
    }

    /**
     * Writes the entries and returns once they are committed.
     *
     * @throws AuditWriteFailed when they could not be written
     */
    void write(List<AuditEntry> entries) {
        if (writer == null) {
            insert(entries);
            return;
        }
        Pending pending = new Pending(entries, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AuditWriteFailed("the audit queue stayed full", null);
            }
            pending.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditWriteFailed("interrupted", e);
        } catch (ExecutionException e) {
            throw new AuditWriteFailed("the insert failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditWriteFailed("no commit within " + WAIT_SECONDS + " s", e);
        }
    }

    /**
     * Hands the entries over without waiting; false when the queue is full, and the caller must
     * write them from a thread that may wait.
     */
    boolean submit(List<AuditEntry> entries, Runnable onFailure) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        written.whenComplete(
                (done, failure) -> {
                    if (failure != null) {
                        onFailure.run();
                    }
                });
        return writer != null && queue.offer(new Pending(entries, written));
    }

    private void run() {
        while (writer != null) {
            List<Pending> group = new ArrayList<>();
            try {
                group.add(queue.take());
            } catch (InterruptedException stopping) {
                return;
            }
            queue.drainTo(group, GROUP - 1);
            writeGroup(group);
        }
    }

    private void writeQueued() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            writeGroup(rest);
        }
    }

    private void writeGroup(List<Pending> group) {
        try {
            insert(group.stream().flatMap(p -> p.entries().stream()).toList());
            group.forEach(p -> p.written().complete(null));
        } catch (RuntimeException e) {
            if (group.size() > 1 && refusedData(e)) {
                // the database refused one request's entry: that must not cost the others theirs
                group.forEach(p -> writeGroup(List.of(p)));
            } else {
                group.forEach(p -> p.written().completeExceptionally(e));
            }
        }
    }

    /** A data or constraint error (SQLSTATE 22, 23): an entry that fails whenever it is written. */
    private static boolean refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException s ? s : null;
                    e != null;
                    e = e.getNextException()) {
                String state = e.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void insert(List<AuditEntry> entries) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry e : entries) {
                    insert.setObject(1, e.id);
                    insert.setString(2, e.clinicId);
                    insert.setString(3, e.patientRef);
                    insert.setTimestamp(4, Timestamp.from(e.occurredAt));
                    insert.setString(5, e.actor);
                    insert.setString(6, e.roles);
                    insert.setString(7, e.client);
                    insert.setString(8, e.remoteAddress);
                    insert.setString(9, e.action.name());
                    insert.setString(10, e.method);
                    insert.setString(11, e.path);
                    insert.setString(12, e.operation);
                    insert.setInt(13, e.status);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.debugf(e, "audit insert of %d entries failed", entries.size());
            throw new AuditWriteFailed("the insert failed", e);
        }
    }

    /** Entries that are not in the audit trail. */
    static final class AuditWriteFailed extends RuntimeException {
        AuditWriteFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
