package cn.tongyi.core.idempotency;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/** Applies {@link RetryTransient}: outside the transaction interceptor (priority 200), so each attempt is a new one. */
@RetryTransient
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientRetryInterceptor {

    public static final int ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(TransientRetryInterceptor.class);

    private final TransactionManager transactions;
    private final MeterRegistry meters;

    TransientRetryInterceptor(TransactionManager transactions, MeterRegistry meters) {
        this.transactions = transactions;
        this.meters = meters;
    }

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                meters.counter("tongyi.transaction.retries", "method", invocation.getMethod().getName()).increment();
                LOG.debugf("Transient failure in %s, attempt %d of %d: %s", invocation.getMethod().getName(),
                        attempt, ATTEMPTS, e.toString());
                Thread.sleep(backoffMillis(attempt));
            }
        }
    }

    /** Full jitter: uniformly 0 .. 5 ms × 2^(attempt-1), at most 80 ms. */
    static long backoffMillis(int attempt) {
        long ceiling = Math.min(80, 5L << (attempt - 1));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
}
