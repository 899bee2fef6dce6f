package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The API document is what clients are generated from and what Swagger UI authorizes with: every operation it
 * publishes, present and future, must be complete, and its security must be what the platform actually does.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    record Operation(String method, String path, Map<String, Object> body) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    @DisplayName("Every operation has an operationId, and no two share one")
    void operationIds() {
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Operation operation : operations(document())) {
            Object id = operation.body().get("operationId");
            if (id == null || id.toString().isBlank()) {
                missing.add(operation.toString());
            } else if (!seen.add(id.toString())) {
                duplicates.add(id + " (" + operation + ")");
            }
        }
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(duplicates).as("operationIds used twice").isEmpty();
    }

    @Test
    @DisplayName("Every security requirement names a scheme the document defines")
    @SuppressWarnings("unchecked")
    void requirementsNameDefinedSchemes() {
        Map<String, Object> document = document();
        Set<String> schemes = ((Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .getOrDefault("securitySchemes", Map.of())).keySet();
        List<String> undefined = new ArrayList<>();
        for (Operation operation : operations(document)) {
            for (Map<String, Object> requirement : security(operation, document)) {
                requirement.keySet().stream().filter(name -> !schemes.contains(name))
                        .forEach(name -> undefined.add(operation + " names " + name));
            }
        }
        assertThat(schemes).isNotEmpty();
        assertThat(undefined).as("requirements naming no defined scheme (say none with security: [])").isEmpty();
    }

    @Test
    @DisplayName("An operation declares the token exactly when it answers a caller without one with 401")
    void securityIsWhatThePlatformDoes() {
        Map<String, Object> document = document();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations(document)) {
            List<Map<String, Object>> security = security(operation, document);
            boolean declaresToken = !security.isEmpty() && security.stream().noneMatch(Map::isEmpty);
            int status = sendWithoutToken(operation, document);
            if (declaresToken != (status == 401)) {
                wrong.add(operation + (declaresToken ? " declares a token" : " declares no token")
                        + " but answers " + status + " without one");
            }
        }
        assertThat(wrong).as("operations whose security requirement is not what they do (an open one declares "
                + "@SecurityRequirement(name = \"none\"); everything else must refuse anonymous callers)").isEmpty();
    }

    @Test
    @DisplayName("Every operation documents at least one 4xx, and every 4xx it documents is problem+json")
    @SuppressWarnings("unchecked")
    void refusalsAreDocumentedProblems() {
        Map<String, Object> document = document();
        List<String> without4xx = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        for (Operation operation : operations(document)) {
            Map<String, Object> responses = (Map<String, Object>) operation.body().get("responses");
            List<String> refusals = responses.keySet().stream().filter(status -> status.startsWith("4")).toList();
            if (refusals.isEmpty()) {
                without4xx.add(operation.toString());
            }
            for (String status : refusals) {
                Map<String, Object> response = resolve((Map<String, Object>) responses.get(status), document);
                Map<String, Object> content = (Map<String, Object>) response.getOrDefault("content", Map.of());
                if (!content.containsKey(ProblemFactory.MEDIA_TYPE)) {
                    notProblems.add(operation + " " + status);
                }
            }
        }
        assertThat(without4xx).as("operations without a 4xx response").isEmpty();
        assertThat(notProblems).as("4xx responses without an application/problem+json body").isEmpty();
    }

    @Test
    @DisplayName("Every tag an operation uses is listed with a description")
    @SuppressWarnings("unchecked")
    void tagsAreDescribed() {
        Map<String, Object> document = document();
        Set<String> described = new HashSet<>();
        List<String> undescribed = new ArrayList<>();
        for (Object entry : (List<Object>) document.getOrDefault("tags", List.of())) {
            Map<String, Object> tag = (Map<String, Object>) entry;
            Object description = tag.get("description");
            if (description == null || description.toString().isBlank()) {
                undescribed.add(tag.get("name").toString());
            } else {
                described.add(tag.get("name").toString());
            }
        }
        for (Operation operation : operations(document)) {
            for (Object tag : (List<Object>) operation.body().getOrDefault("tags", List.of())) {
                if (!described.contains(tag.toString()) && !undescribed.contains(tag.toString())) {
                    undescribed.add(tag + " (" + operation + ")");
                }
            }
        }
        assertThat(undescribed).as("tags without a description (give one in @Tag or in ApiDocumentFilter)")
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        return anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations(Map<String, Object> document) {
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, item) ->
                ((Map<String, Object>) item).forEach((method, operation) -> {
                    if (METHODS.contains(method)) {
                        operations.add(new Operation(method, path, (Map<String, Object>) operation));
                    }
                }));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /** The operation's requirements; without its own, the document's. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> security(Operation operation, Map<String, Object> document) {
        return (List<Map<String, Object>>) operation.body().getOrDefault("security",
                document.getOrDefault("security", List.of()));
    }

    /** With every path parameter filled with a value of its type and a minimal body, so that only security decides. */
    @SuppressWarnings("unchecked")
    private static int sendWithoutToken(Operation operation, Map<String, Object> document) {
        RequestSpecification request = anonymous();
        Map<String, Object> body = (Map<String, Object>) operation.body().get("requestBody");
        if (body != null) {
            String mediaType = ((Map<String, Object>) body.get("content")).keySet().iterator().next();
            request.contentType(mediaType).body(mediaType.contains("json") ? "{}".getBytes() : new byte[0]);
        }
        return request.request(operation.method().toUpperCase(), fill(operation, document)).statusCode();
    }

    @SuppressWarnings("unchecked")
    private static String fill(Operation operation, Map<String, Object> document) {
        Map<String, Map<String, Object>> schemas = new HashMap<>();
        for (Object p : (List<Object>) operation.body().getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("path".equals(parameter.get("in"))) {
                schemas.put(parameter.get("name").toString(),
                        resolve((Map<String, Object>) parameter.get("schema"), document));
            }
        }
        Matcher names = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (names.find()) {
            names.appendReplacement(path, sample(schemas.getOrDefault(names.group(1), Map.of())));
        }
        return names.appendTail(path).toString();
    }

    @SuppressWarnings("unchecked")
    private static String sample(Map<String, Object> schema) {
        if (schema.containsKey("enum")) {
            return ((List<Object>) schema.get("enum")).get(0).toString();
        }
        return switch (String.valueOf(schema.get("format"))) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-01-05";
            default -> "integer".equals(schema.get("type")) ? "1" : "probe";
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> element, Map<String, Object> document) {
        Object ref = element.get("$ref");
        if (ref == null) {
            return element;
        }
        Object resolved = document;
        for (String part : ref.toString().substring(2).split("/")) {
            resolved = ((Map<String, Object>) resolved).get(part);
        }
        return (Map<String, Object>) resolved;
    }
}
