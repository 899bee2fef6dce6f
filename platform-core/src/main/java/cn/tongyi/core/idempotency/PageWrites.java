package cn.tongyi.core.idempotency;

import cn.tongyi.tenant.access.CallerGrants;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@link Idempotent} for browser forms, which cannot send an Idempotency-Key header: the form carries the key in a
 * hidden field, fresh each time the form is rendered. Submitting the same rendered form again (a double tap, a resend
 * after a timeout) writes nothing more and goes where the first submission went.
 */
@ApplicationScoped
public class PageWrites {

    private final IdempotentCalls calls;
    private final CallerGrants caller;
    private final HttpServerRequest request;

    PageWrites(IdempotentCalls calls, CallerGrants caller, HttpServerRequest request) {
        this.calls = calls;
        this.caller = caller;
        this.request = request;
    }

    /**
     * @param key    the form's idempotency key field
     * @param fields the submitted values that make this request what it is (a different request under the same key is
     *               refused)
     * @param write  the write; returns the page to go to afterwards (303 See Other)
     */
    @Transactional
    @RetryTransient
    public Response once(String key, Object[] fields, Supplier<URI> write) {
        try {
            return calls.once(caller.username() + " " + request.method() + " " + request.path(), key,
                    Arrays.deepToString(fields).getBytes(StandardCharsets.UTF_8),
                    () -> RestResponse.seeOther(write.get())).toResponse();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
