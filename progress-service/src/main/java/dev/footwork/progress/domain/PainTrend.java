package dev.footwork.progress.domain;

/** How the weekly mean pain moves between the last two weeks with sessions. */
public enum PainTrend {
    RISING,
    FALLING,
    STEADY,
    /** Fewer than two weeks with sessions. */
    UNKNOWN
}
