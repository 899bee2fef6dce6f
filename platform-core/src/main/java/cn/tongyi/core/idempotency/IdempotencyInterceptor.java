package cn.tongyi.core.idempotency;

import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.ApiProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/** Applies {@link Idempotent}: runs inside the method's transaction, so the key and the write commit together. */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

    private final HttpServerRequest request;
    private final CallerGrants caller;
    private final ObjectMapper json;
    private final IdempotencyStore store;
    private final PiiVault vault;

    IdempotencyInterceptor(HttpServerRequest request, CallerGrants caller, ObjectMapper json, IdempotencyStore store,
            PiiVault vault) {
        this.request = request;
        this.caller = caller;
        this.json = json;
        this.store = store;
        this.vault = vault;
    }

    @AroundInvoke
    Object applyOnce(InvocationContext invocation) throws Exception {
        String key = IdempotencyKeys.require(request.getHeader(IdempotencyKeys.HEADER));
        String scope = caller.username() + " " + request.method() + " " + request.path();
        // keyed: the body may hold a password or an ID number, which an unkeyed digest would let a dump guess at
        String requestHash = vault.keyedDigest("idempotency", json.writeValueAsBytes(invocation.getParameters()));
        Optional<IdempotencyStore.StoredResponse> previous = store.claim(scope, key, requestHash);
        if (previous.isPresent()) {
            return replay(previous.get(), requestHash);
        }
        RestResponse<?> response = (RestResponse<?>) invocation.proceed();
        URI location = response.getLocation();
        store.complete(scope, key, response.getStatus(), location == null ? null : location.toString(),
                json.writeValueAsString(response.getEntity()));
        return response;
    }

    private RestResponse<Object> replay(IdempotencyStore.StoredResponse stored, String requestHash) throws Exception {
        if (!stored.requestHash().equals(requestHash)) {
            throw ApiProblem.unprocessable("idempotency-key-reused",
                    "This " + IdempotencyKeys.HEADER + " was already used for a different request");
        }
        RestResponse.ResponseBuilder<Object> replay = RestResponse.ResponseBuilder.create(stored.status())
                .entity(json.readTree(stored.body()))
                .header(IdempotencyKeys.REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            replay.location(URI.create(stored.location()));
        }
        return replay.build();
    }
}
