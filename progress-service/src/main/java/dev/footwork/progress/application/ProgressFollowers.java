package dev.footwork.progress.application;

import dev.footwork.contracts.PatientKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who follows which patient's progress on this replica, and the changes they are told of. */
@ApplicationScoped
public class ProgressFollowers {

    private final Map<PatientKey, Set<UnicastProcessor<PatientKey>>> followers =
            new ConcurrentHashMap<>();

    /**
     * Starts following a patient at once: changes from now on are buffered until the returned
     * stream is subscribed to, so none falls between reading the current value and subscribing.
     */
    Multi<PatientKey> follow(PatientKey patient) {
        UnicastProcessor<PatientKey> follower = UnicastProcessor.create();
        followers.computeIfAbsent(patient, k -> ConcurrentHashMap.newKeySet()).add(follower);
        return follower.onTermination().invoke(() -> unfollow(patient, follower));
    }

    /** Tells the patient's followers on this replica that their progress changed. */
    public void changed(PatientKey patient) {
        Set<UnicastProcessor<PatientKey>> set = followers.get(patient);
        if (set != null) {
            set.forEach(follower -> follower.onNext(patient));
        }
    }

    private void unfollow(PatientKey patient, UnicastProcessor<PatientKey> follower) {
        followers.computeIfPresent(
                patient,
                (k, set) -> {
                    set.remove(follower);
                    return set.isEmpty() ? null : set;
                });
    }
}
