package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.HttpMethod;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.Language;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A call of a plugin route as the plugin reads it; bodies are read by the host's JSON reader. */
record HostedRequest(HttpMethod method, Map<String, String> pathParameters,
        MultivaluedMap<String, String> queryParameters, HttpHeaders headers, byte[] content, ObjectMapper json)
        implements PluginRequest {

    @Override
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    @Override
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters.getFirst(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getHeaderString(name));
    }

    @Override
    public <T> T body(Class<T> type) {
        if (content == null || content.length == 0) {
            throw ApiProblem.badRequest("body-required", "This needs a JSON body");
        }
        try {
            return json.readValue(content, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new ApiProblem(400, "invalid-field", "Wrong type or value",
                    List.of(new ApiProblem.FieldError(field.isEmpty() ? "body" : field, "Wrong type or value")));
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed-json", "The body is not well-formed JSON");
        } catch (IOException e) {
            throw ApiProblem.badRequest("malformed-json", "The body could not be read");
        }
    }

    @Override
    public boolean prefersEnglish() {
        return Language.prefersEnglish(headers);
    }
}
