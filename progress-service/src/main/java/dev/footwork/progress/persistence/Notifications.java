package dev.footwork.progress.persistence;

import dev.footwork.support.persistence.ArrayStatement;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.Collection;
import java.util.List;

/**
 * PostgreSQL {@code NOTIFY}: sent in the caller's transaction, delivered to the connections that
 * {@code LISTEN} on the channel only if and when it commits.
 */
public final class Notifications {

    private Notifications() {}

    public static void send(String channel, String payload) {
        sendAll(channel, List.of(payload));
    }

    /**
     * Several notices on one channel, in one statement; plain JDBC, so the transaction's pending
     * changes wait for its end.
     */
    public static void sendAll(String channel, Collection<String> payloads) {
        ArrayStatement.on(
                        Panache.getEntityManager(),
                        "select count(pg_notify(?, p)) from unnest(?::text[]) as p")
                .param(channel)
                .array("text", payloads.toArray(String[]::new))
                .execute();
    }
}
