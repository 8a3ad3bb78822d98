package dev.footwork.assessment.api;

import dev.footwork.testkit.WatchedStatements;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements and transactions that HTTP requests run while a test watches: consumers, the
 * relay and other background work run outside any request and are not counted.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RequestStatements extends WatchedStatements implements StatementInspector {

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        transactionBegun();
    }

    @Override
    protected boolean counts() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() != null;
    }
}
