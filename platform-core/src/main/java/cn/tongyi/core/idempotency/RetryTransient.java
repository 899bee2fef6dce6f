package cn.tongyi.core.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Re-runs the whole transaction when PostgreSQL aborted it for a transient reason: a serialization failure (40001),
 * a deadlock (40P01) or a lost race on a ledger idempotency key. Bounded ({@link TransientRetryInterceptor#ATTEMPTS}
 * attempts, jittered backoff). It wraps the {@code @Transactional} boundary, so it acts only where the transaction
 * begins; inside a caller's transaction it does nothing and the caller's boundary retries. Safe only for writes that
 * apply once per key, which is why {@link Idempotent} carries it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryTransient {
}
