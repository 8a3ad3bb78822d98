package dev.footwork.progress.domain;

/** One logged session as the aggregates see it. */
public record Session(int sets, int reps, int holdSeconds, int pain) {

    /** Repetitions over all sets. */
    public long totalReps() {
        return (long) sets * reps;
    }

    /** Sets x reps x hold seconds: time under tension in the held position. */
    public long volume() {
        return (long) sets * reps * holdSeconds;
    }
}
