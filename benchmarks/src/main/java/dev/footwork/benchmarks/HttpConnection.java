package dev.footwork.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One persistent (keep-alive) HTTP/1.1 connection, used by one thread: it writes a request, reads
 * the whole answer (a {@code Content-Length} body, a chunked one, or one up to the end of the
 * connection), and sends the next on the same socket. Plain HTTP only.
 *
 * <p>It is the load generator's client: a closed-loop client is a thread blocked on its own socket,
 * so a request costs two system calls and no hand-over between threads, which is what lets 16
 * clients on the machine under test saturate a service rather than themselves.
 */
final class HttpConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** A request: method, absolute {@code http} URI, header fields and a body (empty: none). */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

        static Request get(String url, String authorization) {
            return new Request("GET", URI.create(url), authorization(authorization), new byte[0]);
        }

        static Request postJson(
                String url, String authorization, String json, String idempotencyKey) {
            Map<String, String> headers = authorization(authorization);
            headers.put("Content-Type", "application/json");
            headers.put("Idempotency-Key", idempotencyKey);
            return new Request(
                    "POST", URI.create(url), headers, json.getBytes(StandardCharsets.UTF_8));
        }

        private static Map<String, String> authorization(String authorization) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            return headers;
        }

        private byte[] encode() {
            String target = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                target += "?" + uri.getRawQuery();
            }
            int size = 64 + target.length() + uri.getRawAuthority().length();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                size += header.getKey().length() + header.getValue().length() + 4;
            }
            StringBuilder head = new StringBuilder(size);
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(uri.getRawAuthority()).append("\r\n");
            headers.forEach(
                    (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] bytes = new byte[start.length + body.length];
            System.arraycopy(start, 0, bytes, 0, start.length);
            System.arraycopy(body, 0, bytes, start.length, body.length);
            return bytes;
        }
    }

    /** An answer: status, header fields (names in lower case) and the decoded body. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Duration readTimeout;
    private final StringBuilder line = new StringBuilder(128);
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private volatile Socket socket;
    private String authority;
    private InputStream in;
    private OutputStream out;

    /** A connection whose reads fail after 30 s without a byte. */
    HttpConnection() {
        this(Duration.ofSeconds(30));
    }

    /**
     * {@code readTimeout} zero: a read waits as long as it takes, in one blocking system call (a
     * timed read adds a poll and a second read: 8.9k and 9.6k req/s against 9.7k and 11.2k on the
     * health endpoint, back to back); {@link #abort} ends such a wait.
     */
    HttpConnection(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Sends the request on this connection, connecting (again) first when needed. */
    Response send(Request request) throws IOException {
        if (socket == null || !request.uri().getRawAuthority().equals(authority)) {
            connect(request.uri());
        }
        try {
            out.write(request.encode());
            out.flush();
            return read(request.method());
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void connect(URI uri) throws IOException {
        close();
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("plain http only: " + uri);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(
                    new InetSocketAddress(uri.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
            opened.setSoTimeout((int) readTimeout.toMillis());
            in = opened.getInputStream();
            out = opened.getOutputStream();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        authority = uri.getRawAuthority();
        position = 0;
        limit = 0;
    }

    private Response read(String method) throws IOException {
        int status;
        Map<String, String> headers;
        String version;
        do {
            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            version = parts[0];
            status = Integer.parseInt(parts[1]);
            headers = readFields();
        } while (status >= 100 && status < 200);
        byte[] body;
        boolean reusable =
                version.equals("HTTP/1.1")
                        ? !"close".equalsIgnoreCase(headers.get("connection"))
                        : "keep-alive".equalsIgnoreCase(headers.get("connection"));
        String length = headers.get("content-length");
        if (method.equals("HEAD") || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked();
        } else if (length != null) {
            body = readBytes(Integer.parseInt(length.trim()));
        } else {
            body = readToEnd();
            reusable = false;
        }
        if (!reusable) {
            close();
        }
        return new Response(status, headers, body);
    }

    private Map<String, String> readFields() throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String field = readLine(); !field.isEmpty(); field = readLine()) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                fields.merge(
                        field.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        field.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        return fields;
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            String size = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int chunk = Integer.parseInt(size, 16);
            if (chunk == 0) {
                readFields(); // trailer fields, if any, up to the empty line
                return body.toByteArray();
            }
            body.write(readBytes(chunk));
            if (!readLine().isEmpty()) {
                throw new IOException("no line end after a chunk");
            }
        }
    }

    /** A line up to CRLF (or LF), without it; ISO-8859-1 as HTTP's framing is. */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException(
                        line.length() == 0
                                ? "connection closed by the server"
                                : "connection closed inside a line: " + line);
            }
            int b = buffer[position++] & 0xff;
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    private byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        int done = 0;
        while (done < count) {
            if (position == limit && !fill()) {
                throw new EOFException(
                        "connection closed after " + done + " of " + count + " body bytes");
            }
            int n = Math.min(count - done, limit - position);
            System.arraycopy(buffer, position, bytes, done, n);
            position += n;
            done += n;
        }
        return bytes;
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (position < limit || fill()) {
            bytes.write(buffer, position, limit - position);
            position = limit;
        }
        return bytes.toByteArray();
    }

    /** Reads what the socket has into the empty buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /**
     * Closes the socket from another thread: the request waiting on it fails with an {@link
     * IOException} in the thread that sent it.
     */
    void abort() throws IOException {
        Socket open = socket;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public void close() throws IOException {
        Socket open = socket;
        socket = null;
        authority = null;
        if (open != null) {
            open.close();
        }
    }
}
