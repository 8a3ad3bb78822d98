package dev.footwork.progress.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import org.hibernate.Interceptor;

/**
 * How many managed entities Hibernate's flushes visit on the calling thread while a test counts
 * them. Every flush, an automatic one before a query included, walks the whole persistence context:
 * the count is the flushing work a piece of code causes, whatever the flushes find to write.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class FlushedEntities implements Interceptor {

    private final ThreadLocal<long[]> counting = new ThreadLocal<>();

    /** The entities the flushes of {@code work} visited on this thread. */
    public long during(Runnable work) {
        long[] visited = new long[1];
        counting.set(visited);
        try {
            work.run();
        } finally {
            counting.remove();
        }
        return visited[0];
    }

    @Override
    public void preFlush(Iterator<Object> entities) {
        long[] visited = counting.get();
        if (visited != null) {
            while (entities.hasNext()) {
                entities.next();
                visited[0]++;
            }
        }
    }
}
