package dev.footwork.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A real TCP relay between a client under test and a server (PostgreSQL, say), that a test can cut
 * and restore: while cut, every open connection is reset and every new one is accepted and reset at
 * once, so the client sees its server go away without the server (shared by the test JVM) being
 * stopped.
 *
 * <p>Listens on an ephemeral port of the loopback address; {@link #port()} names it. Close it when
 * done.
 */
public final class TcpProxy implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TcpProxy.class);
    private static final int BUFFER = 16 * 1024;

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger count = new AtomicInteger();
        this.threads =
                Executors.newCachedThreadPool(
                        task -> {
                            Thread thread =
                                    new Thread(
                                            task,
                                            "tcp-proxy-"
                                                    + server.getLocalPort()
                                                    + "-"
                                                    + count.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        threads.execute(this::accept);
    }

    /** Starts relaying connections on a new local port to {@code targetHost:targetPort}. */
    public static TcpProxy to(String targetHost, int targetPort) {
        try {
            return new TcpProxy(targetHost, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for a proxy to " + targetPort, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Resets every open connection; until {@link #restore()} new ones are reset on arrival. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::reset);
        LOG.infof("Proxy :%d to %s:%d cut", port(), targetHost, targetPort);
    }

    /** Relays new connections again. */
    public void restore() {
        cut = false;
        LOG.infof("Proxy :%d to %s:%d restored", port(), targetHost, targetPort);
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warnf("Proxy :%d stopped accepting: %s", port(), e);
                }
                return;
            }
            if (cut) {
                reset(client);
                continue;
            }
            Socket upstream;
            try {
                upstream = new Socket();
                upstream.connect(new InetSocketAddress(targetHost, targetPort));
            } catch (IOException e) {
                reset(client);
                continue;
            }
            open.add(client);
            open.add(upstream);
            threads.execute(() -> pump(client, upstream));
            threads.execute(() -> pump(upstream, client));
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away or the proxy was cut: both ends close below
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Closes with SO_LINGER 0, so the peer gets a TCP reset rather than an orderly end. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(TcpProxy::reset);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
