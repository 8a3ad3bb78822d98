package dev.footwork.assessment.api;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements and transactions that HTTP requests run while a test watches: consumers, the
 * relay and other background work run outside any request and are not counted.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RequestStatements implements StatementInspector {

    private final ConcurrentLinkedQueue<String> statements = new ConcurrentLinkedQueue<>();
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile boolean watching;

    @Override
    public String inspect(String sql) {
        if (watching && inRequest()) {
            statements.add(sql);
        }
        return sql;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (watching && inRequest()) {
            transactions.incrementAndGet();
        }
    }

    /** Forgets what was seen and starts watching. */
    public void watch() {
        statements.clear();
        transactions.set(0);
        watching = true;
    }

    /** Stops watching; what was seen stays readable. */
    public void stop() {
        watching = false;
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    public int transactions() {
        return transactions.get();
    }

    private static boolean inRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() != null;
    }
}
