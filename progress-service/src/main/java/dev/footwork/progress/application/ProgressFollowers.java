package dev.footwork.progress.application;

import dev.footwork.contracts.PatientKey;
import dev.footwork.progress.config.ProgressConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who follows which patient's progress on this replica, and the changes they are told of. Each open
 * stream is one {@link Follower}, registered from before the stream reads its first value until it
 * ends: when its client leaves, when the request fails, at the instant it was given (its token's
 * expiry; this also ends a registration whose stream was never subscribed to, as when the client
 * left before the first write) or when the service stops. A clinic may have {@code
 * footwork.progress.max-streams-per-clinic} followers at once. Gauges: {@code
 * footwork.progress.streams} (open streams on this replica), {@code
 * footwork.progress.streams.busiest-clinic} (the most one clinic has open); counter {@code
 * footwork.progress.streams.refused}. No meter names a clinic: {@code /q/metrics} needs no token.
 */
@ApplicationScoped
@Startup // its gauges are reported from the start
public class ProgressFollowers {

    private final Map<PatientKey, Set<Follower>> followers = new ConcurrentHashMap<>();
    private final Map<String, Integer> openPerClinic = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxPerClinic;
    private final Clock clock;
    private final Counter refused;

    ProgressFollowers(ProgressConfig config, Clock clock, MeterRegistry meters) {
        this.maxPerClinic = config.maxStreamsPerClinic();
        this.clock = clock;
        Gauge.builder("footwork.progress.streams", open, AtomicInteger::get)
                .description("Live progress streams open on this replica")
                .register(meters);
        Gauge.builder("footwork.progress.streams.busiest-clinic", this, f -> f.busiestClinic())
                .description("Live progress streams of the clinic with the most open here")
                .register(meters);
        this.refused =
                Counter.builder("footwork.progress.streams.refused")
                        .description(
                                "Live progress streams refused because their clinic had"
                                        + " footwork.progress.max-streams-per-clinic open")
                        .register(meters);
    }

    /** One open stream's registration. */
    public final class Follower {
        private final PatientKey patient;
        private final UnicastProcessor<PatientKey> changes = UnicastProcessor.create();
        private ScheduledFuture<?> expiry;
        private Runnable onStop = () -> {};
        private boolean stopped;

        private Follower(PatientKey patient) {
            this.patient = patient;
        }

        /**
         * The patient's changes from the moment of registering, buffered until subscribed to (so
         * none falls between reading the current value and subscribing); completes when the
         * follower stops.
         */
        Multi<PatientKey> changes() {
            return changes;
        }

        /** Runs {@code work} when the follower stops (at once if it has already). */
        void onStop(Runnable work) {
            synchronized (this) {
                if (!stopped) {
                    onStop = work;
                    return;
                }
            }
            work.run();
        }

        /** Ends the registration and completes the changes; once, from any thread. */
        void stop() {
            Runnable then;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                stopped = true;
                then = onStop;
                if (expiry != null) {
                    expiry.cancel(false);
                }
            }
            unregister(this);
            then.run();
            changes.onComplete();
        }
    }

    /**
     * Registers a follower of the patient until {@code until}; empty, and counted, when the
     * patient's clinic has as many open as it may. The caller stops it if its stream never starts.
     */
    Optional<Follower> follow(PatientKey patient, Instant until) {
        boolean[] admitted = {false};
        openPerClinic.compute(
                patient.clinicId(),
                (clinic, count) -> {
                    int now = count == null ? 0 : count;
                    if (now >= maxPerClinic) {
                        return count;
                    }
                    admitted[0] = true;
                    return now + 1;
                });
        if (!admitted[0]) {
            refused.increment();
            return Optional.empty();
        }
        open.incrementAndGet();
        Follower follower = new Follower(patient);
        followers.computeIfAbsent(patient, k -> ConcurrentHashMap.newKeySet()).add(follower);
        long millis = Math.max(0, Duration.between(clock.instant(), until).toMillis());
        ScheduledFuture<?> expiry =
                Infrastructure.getDefaultWorkerPool()
                        .schedule(follower::stop, millis, TimeUnit.MILLISECONDS);
        synchronized (follower) {
            follower.expiry = expiry;
        }
        return Optional.of(follower);
    }

    /** Tells the patient's followers on this replica that their progress changed. */
    public void changed(PatientKey patient) {
        Set<Follower> set = followers.get(patient);
        if (set != null) {
            set.forEach(follower -> follower.changes.onNext(patient));
        }
    }

    /**
     * Ends every stream before the audit writer stops (which observes at the default priority), so
     * their ends are recorded.
     */
    void stopAll(@Observes @Priority(1000) ShutdownEvent stopping) {
        followers.values().stream().flatMap(Set::stream).toList().forEach(Follower::stop);
    }

    private int busiestClinic() {
        return openPerClinic.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private void unregister(Follower follower) {
        followers.computeIfPresent(
                follower.patient,
                (k, set) -> {
                    set.remove(follower);
                    return set.isEmpty() ? null : set;
                });
        openPerClinic.computeIfPresent(
                follower.patient.clinicId(), (clinic, count) -> count <= 1 ? null : count - 1);
        open.decrementAndGet();
    }
}
