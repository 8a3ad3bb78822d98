package dev.footwork.progress.support;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate prepares while a test counts them: those of the calling thread
 * ({@link #during}; a JDBC batch is prepared once, however many rows it carries), or those of HTTP
 * requests ({@link #watchRequests}), leaving out consumers, the relay and other background work.
 * One class for both, since a persistence unit takes a single statement inspector.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CountedStatements implements StatementInspector {

    private final ThreadLocal<List<String>> counting = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<String> ofRequests = new ConcurrentLinkedQueue<>();
    private volatile boolean watchingRequests;

    /** The statements {@code work} prepared on this thread. */
    public List<String> during(Runnable work) {
        List<String> statements = new ArrayList<>();
        counting.set(statements);
        try {
            work.run();
        } finally {
            counting.remove();
        }
        return statements;
    }

    /** Forgets the requests' statements seen so far and starts collecting them. */
    public void watchRequests() {
        ofRequests.clear();
        watchingRequests = true;
    }

    /** Stops collecting; the requests' statements seen stay readable. */
    public void stopWatchingRequests() {
        watchingRequests = false;
    }

    /** The statements HTTP requests prepared while watched, in order. */
    public List<String> ofRequests() {
        return List.copyOf(ofRequests);
    }

    @Override
    public String inspect(String sql) {
        List<String> statements = counting.get();
        if (statements != null) {
            statements.add(sql);
        }
        if (watchingRequests && inRequest()) {
            ofRequests.add(sql);
        }
        return sql;
    }

    private static boolean inRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() != null;
    }
}
