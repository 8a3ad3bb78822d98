package dev.footwork.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTotalsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T18:00:00Z");

    @Test
    void nothingLoggedHasNoMeanPain() {
        assertThat(SessionTotals.NONE.completedSessions()).isZero();
        assertThat(SessionTotals.NONE.meanPain()).isNull();
    }

    @Test
    void sessionsAddRepsVolumeAndPain() {
        SessionTotals totals =
                SessionTotals.NONE
                        .plus(3, 12, 3, 2, MONDAY)
                        .plus(2, 10, 2, 6, MONDAY.plusSeconds(3600));

        assertThat(totals.completedSessions()).isEqualTo(2);
        assertThat(totals.totalReps()).isEqualTo(3 * 12 + 2 * 10);
        assertThat(totals.volume()).isEqualTo(3 * 12 * 3 + 2 * 10 * 2);
        assertThat(totals.meanPain()).isEqualTo(4.0);
        assertThat(totals.painMax()).isEqualTo(6);
        assertThat(totals.lastActivityAt()).isEqualTo(MONDAY.plusSeconds(3600));
    }

    @Test
    void anOlderSessionArrivingLateKeepsTheLatestActivity() {
        SessionTotals totals =
                SessionTotals.NONE
                        .plus(1, 10, 0, 0, MONDAY)
                        .plus(1, 10, 0, 0, MONDAY.minusSeconds(86_400));

        assertThat(totals.lastActivityAt()).isEqualTo(MONDAY);
        assertThat(totals.volume()).isZero();
    }
}
