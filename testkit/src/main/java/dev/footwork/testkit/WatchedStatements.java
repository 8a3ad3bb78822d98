package dev.footwork.testkit;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SQL statements and transactions that a service's work runs while a test watches, for the
 * tests that count what a request costs. A service's test bean extends it: the bean is Hibernate's
 * {@code StatementInspector} through {@link #inspect}, calls {@link #transactionBegun} when a
 * transaction begins, and says in {@link #counts} which work is counted (its HTTP requests, say,
 * not its consumers or its relay).
 */
public abstract class WatchedStatements {

    private final ConcurrentLinkedQueue<String> statements = new ConcurrentLinkedQueue<>();
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile boolean watching;

    /** Notes the statement while watching work that counts; returns it unchanged. */
    public String inspect(String sql) {
        if (watching && counts()) {
            statements.add(sql);
        }
        return sql;
    }

    /** Notes a transaction begun while watching work that counts. */
    protected void transactionBegun() {
        if (watching && counts()) {
            transactions.incrementAndGet();
        }
    }

    /** Whether the work of the calling thread is counted. */
    protected abstract boolean counts();

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
}
