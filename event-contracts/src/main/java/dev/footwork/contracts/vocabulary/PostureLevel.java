package dev.footwork.contracts.vocabulary;

/**
 * The five posture levels of one foot, from the Foot Posture Index bands, each with its three-way
 * posture and its frontal-plane alignment label.
 */
public enum PostureLevel {
    HIGHLY_SUPINATED(Posture.SUPINATED, Alignment.VARUS, Severity.MARKED),
    SUPINATED(Posture.SUPINATED, Alignment.VARUS, Severity.MILD),
    NEUTRAL(Posture.NEUTRAL, Alignment.NEUTRAL, Severity.NONE),
    PRONATED(Posture.PRONATED, Alignment.VALGUS, Severity.MILD),
    HIGHLY_PRONATED(Posture.PRONATED, Alignment.VALGUS, Severity.MARKED);

    private final Posture posture;
    private final Alignment alignment;
    private final Severity severity;

    PostureLevel(Posture posture, Alignment alignment, Severity severity) {
        this.posture = posture;
        this.alignment = alignment;
        this.severity = severity;
    }

    public Posture posture() {
        return posture;
    }

    public Alignment alignment() {
        return alignment;
    }

    public Severity severity() {
        return severity;
    }

    /** Neutral, pronated (over-pronation, flat arch) or supinated (under-pronation, high arch). */
    public enum Posture {
        SUPINATED,
        NEUTRAL,
        PRONATED
    }

    /** Rearfoot alignment: varus goes with supination, valgus with pronation. */
    public enum Alignment {
        VARUS,
        NEUTRAL,
        VALGUS
    }

    /** How far from neutral. */
    public enum Severity {
        NONE,
        MILD,
        MARKED
    }
}
