package dev.footwork.support.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Runs work outside an HTTP request (a consumer applying an event, the outbox relay) as one
 * clinic's, so that Hibernate's tenant filter applies to it as it does to requests.
 */
public final class Tenancy {

    /** The tenant of infrastructure work that reads no clinic's rows (the outbox relay). */
    public static final String NO_CLINIC = ClinicTenantResolver.NO_CLINIC;

    private Tenancy() {}

    public static void run(String clinicId, Runnable work) {
        call(
                clinicId,
                () -> {
                    work.run();
                    return null;
                });
    }

    /**
     * Calls {@code work} with {@code clinicId} as the tenant, in a request context of its own when
     * none is active; the previous tenant is restored afterwards.
     */
    public static <T> T call(String clinicId, Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        TenantScope scope = Arc.container().instance(TenantScope.class).get();
        String previous = scope.clinicId();
        try {
            scope.clinicId(clinicId);
            return work.get();
        } finally {
            scope.clinicId(previous);
            if (activated) {
                context.terminate();
            }
        }
    }

    /** A new transaction as {@code clinicId}'s: {@code Tenancy.transaction(c).call(() -> ...)}. */
    public static Transaction transaction(String clinicId) {
        return new Transaction(clinicId);
    }

    /** Work in a new transaction with a given tenant. */
    public record Transaction(String clinicId) {

        public <T> T call(Callable<T> work) {
            return Tenancy.call(clinicId, () -> QuarkusTransaction.requiringNew().call(work));
        }

        public void run(Runnable work) {
            Tenancy.run(clinicId, () -> QuarkusTransaction.requiringNew().run(work));
        }
    }
}
