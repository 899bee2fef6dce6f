package cn.tongyi.core.web;

import cn.tongyi.web.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * JSON bodies are small; a larger one is refused with 413 problem+json before it is read. (The HTTP layer's own
 * cap, {@code quarkus.http.limits.max-body-size}, stays higher for file uploads.)
 */
public class BodySizeLimit {

    private final long maxJsonBytes;

    BodySizeLimit(@ConfigProperty(name = "tongyi.http.max-json-bytes") long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseLargeJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean json = type != null && type.getSubtype().toLowerCase().contains("json");
        if (json && request.getLength() > maxJsonBytes) {
            throw new ApiProblem(413, "body-too-large", "A JSON body may have at most " + maxJsonBytes + " bytes");
        }
    }
}
