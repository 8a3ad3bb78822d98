package dev.footwork.progress.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.FlushModeType;

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
}
