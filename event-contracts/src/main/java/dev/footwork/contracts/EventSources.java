package dev.footwork.contracts;

/** CloudEvents {@code source} values: one per producing service. */
public final class EventSources {
    public static final String ASSESSMENT = "/footwork/assessment-service";
    public static final String EXERCISE = "/footwork/exercise-service";
    public static final String PROGRESS = "/footwork/progress-service";

    private EventSources() {}
}
