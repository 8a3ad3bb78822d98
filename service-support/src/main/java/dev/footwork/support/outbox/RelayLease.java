package dev.footwork.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Which of a service's replicas publishes its outbox: the one holding an unexpired lease, measured
 * on the database's clock so that the replicas' clocks do not matter. The holder renews it every
 * round; a holder that dies or hangs stops renewing and another replica takes over when the lease
 * expires. Nothing stays locked while the holder waits on the broker.
 *
 * <p>The lease saves work, not order: {@link PerKeySends} keeps each key's order even when two
 * relays publish at once, say while a holder that was paused longer than its lease comes back.
 */
@ApplicationScoped
class RelayLease {

    private static final String NAME = "outbox-relay";

    private final EntityManager entityManager;
    private final String holder =
            ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    RelayLease(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the lease when it is free or expired, or renews it; false when another holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean acquire(Duration length) {
        int changed =
                entityManager
                        .createNativeQuery(
                                """
                                insert into outbox_relay_lease (name, holder, expires_at)
                                values (?1, ?2, now() + ?3 * interval '1 millisecond')
                                on conflict (name) do update
                                    set holder = excluded.holder, expires_at = excluded.expires_at
                                    where outbox_relay_lease.holder = excluded.holder
                                       or outbox_relay_lease.expires_at < now()
                                """)
                        .setParameter(1, NAME)
                        .setParameter(2, holder)
                        .setParameter(3, length.toMillis())
                        .executeUpdate();
        return changed == 1;
    }

    /** Gives the lease up, so that another replica need not wait for it to expire. */
    @Transactional(Transactional.TxType.MANDATORY)
    void release() {
        entityManager
                .createNativeQuery("delete from outbox_relay_lease where name = ?1 and holder = ?2")
                .setParameter(1, NAME)
                .setParameter(2, holder)
                .executeUpdate();
    }

    String holder() {
        return holder;
    }
}
