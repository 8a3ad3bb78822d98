package dev.footwork.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What readiness makes of the cached probe results and of consumers waiting for a dependency. */
class ReadinessStateTest {

    private static final Duration STALE_AFTER = Duration.ofMillis(900);

    @Test
    void aDependencyNeverProbedIsNotReady() {
        assertThat(new Probe("database").verdict(STALE_AFTER).up()).isFalse();
    }

    @Test
    void aProbeThatBeganJustNowAndSucceededIsReady() {
        Probe probe = new Probe("database");
        probe.succeeded(System.nanoTime());
        assertThat(probe.verdict(STALE_AFTER)).isEqualTo(new Probe.Verdict(true, "up"));
    }

    @Test
    void withoutASuccessfulProbeForLongerThanTheLimitADependencyIsDownWithTheLastFailure() {
        Probe probe = new Probe("kafka");
        probe.succeeded(System.nanoTime() - Duration.ofSeconds(2).toNanos());
        probe.failed(new ConnectException("Connection refused"));

        Probe.Verdict verdict = probe.verdict(STALE_AFTER);

        assertThat(verdict.up()).isFalse();
        assertThat(verdict.detail()).startsWith("no answer for ").contains("Connection refused");
    }

    @Test
    void aHungProbeTurnsReadinessDownToo() {
        Probe probe = new Probe("database");
        // succeeded long ago; the probe after it never came back
        probe.succeeded(System.nanoTime() - Duration.ofSeconds(5).toNanos());
        assertThat(probe.verdict(STALE_AFTER).up()).isFalse();
    }

    @Test
    void aWaitingConsumerCountsForItsTopicUntilOneGraceAfterItResumed() {
        WaitingConsumers waiting = new WaitingConsumers();
        List<String> completions = List.of("completions");
        assertThat(waiting.waitedRecently(completions, Duration.ofMinutes(1))).isFalse();

        waiting.waiting("progress.completions", "completions", "database", new RuntimeException());
        waiting.waiting("progress.completions", "completions", "database", new RuntimeException());

        assertThat(waiting.current()).hasSize(1);
        assertThat(waiting.waitedRecently(completions, Duration.ZERO)).isTrue();
        assertThat(waiting.waitedRecently(List.of("plans"), Duration.ofMinutes(1))).isFalse();

        waiting.resumed("progress.completions");

        assertThat(waiting.current()).isEmpty();
        assertThat(waiting.waitedRecently(completions, Duration.ofMinutes(1))).isTrue();
        assertThat(waiting.waitedRecently(completions, Duration.ZERO)).isFalse();
    }

    @Test
    void aConsumerKeepsTheTimeItBeganWaiting() {
        WaitingConsumers waiting = new WaitingConsumers();
        waiting.waiting("c", "t", "database", new RuntimeException("first"));
        var since = waiting.current().get(0).since();

        waiting.waiting("c", "t", "dead-letter topic", new RuntimeException("second"));

        WaitingConsumers.Wait wait = waiting.current().get(0);
        assertThat(wait.since()).isEqualTo(since);
        assertThat(wait.dependency()).isEqualTo("dead-letter topic");
        assertThat(wait.cause()).contains("second");
    }
}
