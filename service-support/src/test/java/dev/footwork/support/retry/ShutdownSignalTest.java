package dev.footwork.support.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ShutdownSignalTest {

    @Test
    void aPauseEndsAtOnceWhenTheServiceStops() throws Exception {
        ShutdownSignal signal = new ShutdownSignal();
        Instant start = Instant.now();
        CompletableFuture<Boolean> waiting =
                CompletableFuture.supplyAsync(() -> signal.await(Duration.ofMinutes(5)));
        signal.raise();
        assertThat(waiting.get()).isTrue();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(1));
        assertThat(signal.raised()).isTrue();
    }

    @Test
    void aPauseWithoutShutdownReturnsFalse() {
        assertThat(new ShutdownSignal().await(Duration.ofMillis(10))).isFalse();
    }
}
