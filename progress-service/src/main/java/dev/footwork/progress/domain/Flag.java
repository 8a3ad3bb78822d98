package dev.footwork.progress.domain;

/** Why a patient needs a clinician's attention; each adds to the worklist's risk score. */
public enum Flag {
    /** Pain above the limit this week or last, or weekly pain rising. */
    PAIN(50),
    /** Adherence over the last 7 days below the drop threshold, after the grace weeks. */
    LOW_ADHERENCE(30),
    /** A planned re-assessment date has been reached. */
    REASSESSMENT_DUE(20);

    private final int weight;

    Flag(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
