package dev.footwork.benchmarks;

import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * The harness's own logging: warnings and errors of the libraries it uses (Kafka clients, the JDK's
 * HTTP client, JDBC) to stderr, nothing below.
 *
 * <p>The classpath (through testkit) carries Quarkus's bootstrap runner, whose initial log
 * configuration enables every level and queues each record for a Quarkus application that never
 * starts here: every DEBUG and TRACE record of the Kafka clients and of {@code java.net.http} was
 * built and formatted for nothing, and no warning was ever shown. A flight recording of the load
 * generator had a third of its samples in that logging.
 */
final class HarnessLogging {

    // a logger that is not referenced may be collected and forget its level
    private static Logger root;

    private HarnessLogging() {}

    static synchronized void configure() {
        if (root != null) {
            return;
        }
        root = LogContext.getLogContext().getLogger("");
        root.setLevel(Level.WARNING);
        root.setHandlers(
                new Handler[] {
                    new ConsoleHandler(
                            ConsoleHandler.Target.SYSTEM_ERR,
                            new PatternFormatter("%d{HH:mm:ss} %-5p [%c] %s%e%n"))
                });
    }
}
