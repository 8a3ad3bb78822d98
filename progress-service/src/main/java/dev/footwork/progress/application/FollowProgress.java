package dev.footwork.progress.application;

import dev.footwork.contracts.PatientKey;
import dev.footwork.support.tenancy.Tenancy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A patient's live progress: the current summary at once, then a new one whenever the patient's
 * progress changes, on whichever replica the change was applied ({@link ChangeNotices}).
 */
@ApplicationScoped
public class FollowProgress {

    public record Command(String clinicId, String patientRef) {}

    private final ProgressFollowers followers;
    private final ReadProgress read;

    FollowProgress(ProgressFollowers followers, ReadProgress read) {
        this.followers = followers;
        this.read = read;
    }

    /** The summaries; the current one is read before this returns, so a 404 comes at once. */
    public Multi<ProgressSummary> handle(Command command) {
        String clinic = command.clinicId();
        String patient = command.patientRef();
        // follow before reading, so a change in between is not lost (a failed read leaves the
        // follower registered: issue 14)
        Multi<PatientKey> changes = followers.follow(new PatientKey(clinic, patient));
        ProgressSummary first = Tenancy.transaction(clinic).call(() -> read.summary(patient));
        Multi<ProgressSummary> later =
                changes.emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(
                                change ->
                                        Tenancy.transaction(clinic)
                                                .call(() -> read.summary(patient)));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), later);
    }
}
