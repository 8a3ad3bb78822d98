package dev.footwork.support.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/**
 * The failures that mean the client closed its connection, as RESTEasy's body stream wraps them.
 */
class ClientWentAwayTest {

    @Test
    void aClosedOrResetConnectionIsTheClientGoingAway() {
        assertThat(
                        ProblemMappers.clientWentAway(
                                new IOException(
                                        new IOException(
                                                new HttpClosedException("Connection was closed")))))
                .isTrue();
        assertThat(ProblemMappers.clientWentAway(new IOException(new ClosedChannelException())))
                .isTrue();
        assertThat(
                        ProblemMappers.clientWentAway(
                                new IOException(new SocketException("Connection reset"))))
                .isTrue();
        assertThat(ProblemMappers.clientWentAway(new IOException("Broken pipe"))).isTrue();
    }

    @Test
    void otherFailuresAreTheServicesOwn() {
        assertThat(ProblemMappers.clientWentAway(new IllegalStateException("no database")))
                .isFalse();
        assertThat(ProblemMappers.clientWentAway(new IOException("Request too large"))).isFalse();
        assertThat(ProblemMappers.clientWentAway(null)).isFalse();
    }
}
