package cn.tongyi.core.idempotency;

import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.web.ApiProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Applies a write once per Idempotency-Key, inside the caller's transaction (ADR 3): the first call claims the key
 * and stores its response with it; the same key with the same request replays that response, marked
 * {@code Idempotent-Replayed}; the same key with another request is 422. Used by {@link Idempotent} resource methods
 * and by the plugin host for plugin routes.
 */
@ApplicationScoped
public class IdempotentCalls {

    private final ObjectMapper json;
    private final IdempotencyStore store;
    private final PiiVault vault;

    IdempotentCalls(ObjectMapper json, IdempotencyStore store, PiiVault vault) {
        this.json = json;
        this.store = store;
        this.vault = vault;
    }

    /**
     * @param scope   who and where: the caller, the method and the path
     * @param key     the Idempotency-Key header as sent (400 when missing or malformed)
     * @param request what identifies the request's content (its parameters, its body)
     * @param write   the write, returning its JSON response
     */
    public RestResponse<?> once(String scope, String key, byte[] request, Callable<RestResponse<?>> write)
            throws Exception {
        String validKey = IdempotencyKeys.require(key);
        // keyed: the body may hold a password or an ID number, which an unkeyed digest would let a dump guess at
        String requestHash = vault.keyedDigest("idempotency", request);
        Optional<IdempotencyStore.StoredResponse> previous = store.claim(scope, validKey, requestHash);
        if (previous.isPresent()) {
            return replay(previous.get(), requestHash);
        }
        RestResponse<?> response = write.call();
        URI location = response.getLocation();
        store.complete(scope, validKey, response.getStatus(), location == null ? null : location.toString(),
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
