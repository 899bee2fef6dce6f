package cn.tongyi.core.tenancy;

import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, for every operation the application publishes under /api/branches/{branch}/: read from its
 * own OpenAPI document, so an endpoint added later is covered without touching this test.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TenantIsolationTest {

    private static final String BRANCH_PREFIX = "/api/branches/{branch}";

    /**
     * An operation with its path filled in (the victim's branch, and real ids or enum values elsewhere) and the
     * media type it consumes, so that the request reaches the branch check rather than failing on its shape.
     */
    record Operation(String method, String pathTemplate, String path, String mediaType) {
        Response send(io.restassured.specification.RequestSpecification request) {
            // Bytes, so that any media type (JSON, CSV, images) can be sent.
            return request.contentType(mediaType).body(mediaType.contains("json") ? "{}".getBytes() : new byte[0])
                    .request(method, path);
        }
    }

    static Api.OnboardedBranch victim;
    static Api.OnboardedBranch stranger;
    static String victimPersonId;

    @BeforeEach
    void twoBranches() {
        if (victim != null) {
            return;
        }
        victim = Api.onboardActive("victim");
        stranger = Api.onboardActive("stranger");
        victimPersonId = as(victim.headToken()).get("/api/me").then().extract().path("id").toString();
    }

    @Test
    @DisplayName("Every branch endpoint answers another branch's head with 404 and never 2xx")
    void anotherBranchsTokenNeverReachesData() {
        List<Operation> operations = branchOperations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(8);
        for (Operation operation : operations) {
            Response response = operation.send(as(stranger.headToken()));
            assertThat(response.statusCode())
                    .as("%s %s with another branch's token", operation.method(), operation.pathTemplate())
                    .isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    @DisplayName("Every branch endpoint answers a request without a token with 401")
    void noTokenIsUnauthenticated() {
        for (Operation operation : branchOperations()) {
            Response response = operation.send(anonymous());
            assertThat(response.statusCode()).as("%s %s without a token", operation.method(),
                    operation.pathTemplate()).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("A branch that does not exist looks exactly like a branch of someone else")
    void unknownAndForeignBranchesLookAlike() {
        String foreign = as(stranger.headToken()).get("/api/branches/" + victim.code()).then().statusCode(404)
                .extract().path("type");
        String unknown = as(stranger.headToken()).get("/api/branches/no_such_branch").then().statusCode(404)
                .extract().path("type");
        assertThat(foreign).isEqualTo(unknown);
    }

    @Test
    @DisplayName("R-BRANCH-3: a branch head sees only their own branch's staff; HQ has no implicit branch access")
    void staffListsStayInTheirBranch() {
        as(victim.headToken()).get("/api/branches/" + victim.code() + "/staff").then().statusCode(200)
                .body("username", hasItem(victim.headUsername()))
                .body("username", not(hasItem(stranger.headUsername())));
        as(Api.admin()).get("/api/branches/" + victim.code() + "/staff").then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:branch-not-found"));
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> branchOperations() {
        Map<String, Object> document = anonymous().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().as(Map.class);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, item) -> {
            if (!template.startsWith(BRANCH_PREFIX)) {
                return;
            }
            ((Map<String, Object>) item).forEach((method, operation) -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    Map<String, Object> op = (Map<String, Object>) operation;
                    operations.add(new Operation(method.toUpperCase(), template, fillPath(template, op, document),
                            mediaType(op)));
                }
            });
        });
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static String mediaType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return "application/json";
        }
        return ((Map<String, Object>) body.get("content")).keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static String fillPath(String template, Map<String, Object> operation, Map<String, Object> document) {
        String path = template.replace("{branch}", victim.code());
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("path".equals(parameter.get("in")) && !"branch".equals(parameter.get("name"))) {
                Map<String, Object> schema = resolve((Map<String, Object>) parameter.get("schema"), document);
                String value = schema.containsKey("enum") ? ((List<Object>) schema.get("enum")).get(0).toString()
                        : victimPersonId;
                path = path.replace("{" + parameter.get("name") + "}", value);
            }
        }
        assertThat(path).as("every path parameter of %s is filled", template).doesNotContain("{");
        return path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> document) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        Object resolved = document;
        for (String part : ref.toString().substring(2).split("/")) {
            resolved = ((Map<String, Object>) resolved).get(part);
        }
        return (Map<String, Object>) resolved;
    }
}
