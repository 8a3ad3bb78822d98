package dev.footwork.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssessedTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final UUID LOW = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID HIGH = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void theLaterAssessedIsNewerWhateverItsIdOrPrevious() {
        Assessed first = new Assessed(HIGH, MONDAY, null);
        Assessed second = new Assessed(LOW, MONDAY.plusSeconds(1), null);
        Assessed backdated = new Assessed(LOW, MONDAY.minusSeconds(3600), HIGH);

        assertThat(second.isNewerThan(first)).isTrue();
        assertThat(first.isNewerThan(second)).isFalse();
        assertThat(backdated.isNewerThan(first))
                .as("recorded after, but assessed before")
                .isFalse();
        assertThat(first.isNewerThan(backdated)).isTrue();
    }

    @Test
    void atOneInstantTheOneNamingTheOtherAsPreviousIsNewerEitherWayRound() {
        Assessed original = new Assessed(HIGH, MONDAY, null);
        Assessed correction = new Assessed(LOW, MONDAY, HIGH);

        assertThat(correction.isNewerThan(original)).isTrue();
        assertThat(original.isNewerThan(correction)).isFalse();
    }

    @Test
    void atOneInstantUnrelatedAssessmentsAreOrderedByIdAndNoneIsNewerThanItself() {
        Assessed low = new Assessed(LOW, MONDAY, null);
        Assessed high = new Assessed(HIGH, MONDAY, null);

        assertThat(high.isNewerThan(low)).isTrue();
        assertThat(low.isNewerThan(high)).isFalse();
        assertThat(low.isNewerThan(new Assessed(LOW, MONDAY, null))).isFalse();
    }
}
