package dev.footwork.progress.application;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.tenancy.Tenancy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A patient's live progress: the current summary at once, then a new one whenever the patient's
 * progress changes, on whichever replica the change was applied ({@link ChangeNotices}), until the
 * client leaves or the stream's end ({@code endsAt}, its token's expiry) comes.
 */
@ApplicationScoped
public class FollowProgress {

    /**
     * @param endsAt when the stream ends: the caller's token expires then
     * @param audit records the stream's opening, once the first summary is read (it may refuse the
     *     stream by throwing), and returns what records its end
     */
    public record Command(
            String clinicId, String patientRef, Instant endsAt, Supplier<Runnable> audit) {}

    private final ProgressFollowers followers;
    private final ReadProgress read;

    FollowProgress(ProgressFollowers followers, ReadProgress read) {
        this.followers = followers;
        this.read = read;
    }

    /**
     * The summaries; empty when the clinic has as many streams open as it may. The current one is
     * read before this returns, so a 404 comes at once, and a stream that fails to start (a 404, a
     * refused audit entry) leaves no follower behind.
     */
    public Optional<Multi<ProgressSummary>> handle(Command command) {
        String clinic = command.clinicId();
        String patient = command.patientRef();
        // follow before reading, so a change in between is not lost
        Optional<ProgressFollowers.Follower> registered =
                followers.follow(new PatientKey(clinic, patient), command.endsAt());
        if (registered.isEmpty()) {
            return Optional.empty();
        }
        ProgressFollowers.Follower follower = registered.get();
        ProgressSummary first;
        try {
            first = Tenancy.transaction(clinic).call(() -> read.summary(patient));
            follower.onStop(command.audit().get());
        } catch (RuntimeException e) {
            follower.stop();
            throw e;
        }
        Multi<ProgressSummary> later =
                follower.changes()
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(
                                change ->
                                        Tenancy.transaction(clinic)
                                                .call(() -> read.summary(patient)));
        return Optional.of(
                Multi.createBy()
                        .concatenating()
                        .streams(Multi.createFrom().item(first), later)
                        // the client left, or a later read failed
                        .onTermination()
                        .invoke(follower::stop));
    }
}
