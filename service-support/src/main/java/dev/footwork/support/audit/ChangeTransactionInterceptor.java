package dev.footwork.support.audit;

import dev.footwork.support.idempotency.IdempotencyKeys;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Runs a {@link ChangeTransaction} method and writes its audit entries in its transaction. */
@ChangeTransaction
@Interceptor
// inside bean validation (PLATFORM_AFTER + 800): an invalid body opens no transaction
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
class ChangeTransactionInterceptor {

    @Inject AuditRecorder recorder;

    @AroundInvoke
    Object inOneTransaction(InvocationContext invocation) {
        Method method = invocation.getMethod();
        return IdempotencyKeys.once(
                () -> {
                    Object answer = proceed(invocation);
                    recorder.recordChange(method, status(method, answer));
                    return answer;
                });
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status the answer will have: the Response's, else the declared one, else 200/204. */
    private static int status(Method method, Object answer) {
        if (answer instanceof Response response) {
            return response.getStatus();
        }
        ResponseStatus declared = method.getAnnotation(ResponseStatus.class);
        if (declared != null) {
            return declared.value();
        }
        return answer == null ? 204 : 200;
    }
}
