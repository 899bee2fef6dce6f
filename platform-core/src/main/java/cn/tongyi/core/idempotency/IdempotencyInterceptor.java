package cn.tongyi.core.idempotency;

import cn.tongyi.tenant.access.CallerGrants;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.resteasy.reactive.RestResponse;

/** Applies {@link Idempotent}: runs inside the method's transaction, so the key and the write commit together. */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

    private final HttpServerRequest request;
    private final CallerGrants caller;
    private final ObjectMapper json;
    private final IdempotentCalls calls;

    IdempotencyInterceptor(HttpServerRequest request, CallerGrants caller, ObjectMapper json, IdempotentCalls calls) {
        this.request = request;
        this.caller = caller;
        this.json = json;
        this.calls = calls;
    }

    @AroundInvoke
    Object applyOnce(InvocationContext invocation) throws Exception {
        return calls.once(caller.username() + " " + request.method() + " " + request.path(),
                request.getHeader(IdempotencyKeys.HEADER), json.writeValueAsBytes(invocation.getParameters()),
                () -> (RestResponse<?>) invocation.proceed());
    }
}
