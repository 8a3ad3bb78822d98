package dev.footwork.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

/**
 * Lowers the INFO chatter of the in-JVM Kafka broker and of embedded PostgreSQL to WARN.
 *
 * <p>Kafka and zonky log through SLF4J, which on this classpath is bound to JBoss LogManager, so
 * the levels are set on its context whether or not it is also the JUL log manager. A Quarkus
 * application may still raise them again with {@code quarkus.log.category."kafka".level}.
 */
final class QuietLogging {
    private static final List<String> CATEGORIES =
            List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky.test.db");

    // JUL-style loggers may be collected when unreferenced, and a collected logger forgets its
    // level, so the configured ones are held here for the life of the JVM.
    private static final List<Logger> HELD = new ArrayList<>();

    private QuietLogging() {}

    static synchronized void apply() {
        if (!HELD.isEmpty()) {
            return;
        }
        LogContext context = LogContext.getLogContext();
        for (String category : CATEGORIES) {
            Logger logger = context.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
            HELD.add(logger);
        }
    }
}
