package dev.footwork.progress.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate prepares on the calling thread while a test counts them (a JDBC
 * batch is prepared once, however many rows it carries).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CountedStatements implements StatementInspector {

    private final ThreadLocal<List<String>> counting = new ThreadLocal<>();

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

    @Override
    public String inspect(String sql) {
        List<String> statements = counting.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }
}
