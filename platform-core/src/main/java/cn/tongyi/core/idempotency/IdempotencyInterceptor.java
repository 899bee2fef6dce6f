package cn.tongyi.core.idempotency;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.ApiProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    IdempotencyInterceptor(HttpServerRequest request, CallerGrants caller, ObjectMapper json, IdempotencyStore store) {
        this.request = request;
        this.caller = caller;
        this.json = json;
        this.store = store;
    }

    @AroundInvoke
    Object applyOnce(InvocationContext invocation) throws Exception {
        String key = IdempotencyKeys.require(request.getHeader(IdempotencyKeys.HEADER));
        String scope = caller.username() + " " + request.method() + " " + request.path();
        String requestHash = sha256(json.writeValueAsBytes(invocation.getParameters()));
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

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
