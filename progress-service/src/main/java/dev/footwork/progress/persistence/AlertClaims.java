package dev.footwork.progress.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.UUID;

/**
 * The alerts each plan has had ({@code progress_alert}, keyed by clinic, plan and alert key): a key
 * is claimed once, by the transaction that publishes its event.
 */
public final class AlertClaims {

    private AlertClaims() {}

    /**
     * Claims an alert key for a plan in the caller's transaction; false when it was claimed before.
     */
    public static boolean claim(
            UUID planId, String key, String clinicId, String eventType, Instant at) {
        return Panache.getEntityManager()
                        .createNativeQuery(
                                "insert into progress_alert (plan_id, alert_key, clinic_id,"
                                        + " event_type, emitted_at) values (?1, ?2, ?3, ?4, ?5)"
                                        + " on conflict (clinic_id, plan_id, alert_key) do"
                                        + " nothing")
                        .setParameter(1, planId)
                        .setParameter(2, key)
                        .setParameter(3, clinicId)
                        .setParameter(4, eventType)
                        .setParameter(5, at)
                        // no entity maps the table: nothing pending to write before it
                        .setFlushMode(FlushModeType.COMMIT)
                        .executeUpdate()
                == 1;
    }

    /** Notes the id of the event a claimed alert was published as. */
    public static void published(String clinicId, UUID planId, String key, UUID eventId) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "update progress_alert set event_id = ?1 where clinic_id = ?2 and plan_id"
                                + " = ?3 and alert_key = ?4")
                .setParameter(1, eventId)
                .setParameter(2, clinicId)
                .setParameter(3, planId)
                .setParameter(4, key)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
    }
}
