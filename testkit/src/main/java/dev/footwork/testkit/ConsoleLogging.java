package dev.footwork.testkit;

import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Sends log records to stderr in a JVM that Quarkus does not run: {@link LocalPostgres} as a
 * program, and plain JUnit runs such as system-tests.
 *
 * <p>This module's classpath carries Quarkus's bootstrap, which installs a root handler that holds
 * every record until a Quarkus application configures logging. Without Quarkus that never happens
 * and nothing is ever printed; this replaces that handler with a console one.
 */
public final class ConsoleLogging {
    private ConsoleLogging() {}

    /** Logs INFO and above to stderr. Call before anything logs. */
    public static void install() {
        // jboss-logging takes JBoss LogManager only when it is the JUL manager (-Djava.util.logging
        // .manager); otherwise it would pick Kafka's log4j2. Through SLF4J it reaches the same
        // LogContext either way.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        Logger root = LogContext.getLogContext().getLogger("");
        ConsoleHandler console =
                new ConsoleHandler(
                        ConsoleHandler.Target.SYSTEM_ERR,
                        new PatternFormatter("%d{HH:mm:ss,SSS} %-5p [%c{1.}] (%t) %s%e%n"));
        root.setHandlers(new Handler[] {console});
        root.setLevel(Level.INFO);
    }
}
