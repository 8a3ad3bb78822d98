package dev.footwork.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A block of consecutive loopback ports that are free now, below Linux's ephemeral range
 * (32768-60999), so that no outgoing connection of another test takes one of them as its local port
 * between the check and the start: with a fixed base of 57400 the smoke run once failed because a
 * client socket held port 57400 at that moment.
 */
final class FreePortBlock {

    private static final int LOWEST = 20_000;
    private static final int BELOW_EPHEMERAL = 32_768;

    private FreePortBlock() {}

    /** The first port of {@code size} consecutive free ports. */
    static int of(int size) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL - size);
            if (allFree(base, size)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + size + " consecutive free ports below 32768");
    }

    private static boolean allFree(int base, int size) {
        for (int port = base; port < base + size; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound and released at once: free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
