package dev.footwork.support.audit;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST method that changes data: it runs in one transaction, and its audit entries (with the
 * status it answers) are written in that transaction, so a change and its audit record commit
 * together, once. Run again once in a new transaction when a unique constraint shows that a
 * concurrent request with the same key or id won the race (see {@code IdempotencyKeys.once}).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ChangeTransaction {}
