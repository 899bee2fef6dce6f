package cn.tongyi.core.idempotency;

import jakarta.interceptor.InterceptorBinding;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write a client may retry: it needs an {@code Idempotency-Key} header. The same key with the same body applies
 * once and replays the first response; the same key with another body is refused with 422. The method runs in a
 * transaction together with the key's record, and must return a {@code RestResponse}. A transaction PostgreSQL
 * aborts for a transient reason (serialization failure, deadlock) is run again, key and all ({@link RetryTransient}).
 */
@InterceptorBinding
@Transactional
@RetryTransient
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
