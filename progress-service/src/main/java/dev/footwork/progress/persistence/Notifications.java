package dev.footwork.progress.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.FlushModeType;
import java.sql.PreparedStatement;
import java.util.Collection;
import org.hibernate.Session;

/**
 * PostgreSQL {@code NOTIFY}: sent in the caller's transaction, delivered to the connections that
 * {@code LISTEN} on the channel only if and when it commits.
 */
public final class Notifications {

    private Notifications() {}

    public static void send(String channel, String payload) {
        Panache.getEntityManager()
                .createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, channel)
                .setParameter(2, payload)
                // a notice reads no table: the transaction's pending changes wait for its end
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
    }

    /** Several notices on one channel, in one statement. */
    public static void sendAll(String channel, Collection<String> payloads) {
        String[] all = payloads.toArray(String[]::new);
        Panache.getEntityManager()
                .unwrap(Session.class)
                .doWork(
                        connection -> {
                            try (PreparedStatement notify =
                                    connection.prepareStatement(
                                            "select count(pg_notify(?, p)) from"
                                                    + " unnest(?::text[]) as p")) {
                                notify.setString(1, channel);
                                notify.setArray(2, connection.createArrayOf("text", all));
                                notify.executeQuery().close();
                            }
                        });
    }
}
