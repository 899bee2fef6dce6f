package cn.tongyi.core.tenancy;

import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.PluginSwitch;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, for every operation the application publishes under /api/branches/{branch}/: read from its own
 * OpenAPI document, so an endpoint added later is covered without touching this test. Every role of another branch is
 * tried, with the path's ids taken from the victim's own records, and ids of the victim's records are put into the
 * stranger's own branch's paths and bodies.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TenantIsolationTest {

    private static final String BRANCH_PREFIX = "/api/branches/{branch}";
    private static final List<String> ROLES = List.of("BRANCH_HEAD", "STEWARD", "FINANCE", "VOLUNTEER", "MEMBER",
            "MERCHANT", "GOV_VIEWER");

    /**
     * An operation with its path filled in and the media type it consumes, so that the request reaches the branch
     * check rather than failing on its shape. {@code recordLevel}: the path names a record of the branch;
     * {@code openToAlliance}: members of every branch may use it.
     */
    record Operation(String method, String pathTemplate, String path, String mediaType, boolean recordLevel,
            boolean openToAlliance) {
        Response send(RequestSpecification request) {
            // Bytes, so that any media type (JSON, CSV, images) can be sent.
            return request.contentType(mediaType).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(mediaType.contains("json") ? "{}".getBytes() : new byte[0])
                    .request(method, path);
        }
    }

    /** The victim's records whose ids fill the paths. */
    record Victim(Api.OnboardedBranch branch, Members.Registered resident, long requestId) {
    }

    static Victim victim;
    static Api.OnboardedBranch stranger;
    static Map<String, String> strangerTokens;

    @Inject
    People people;

    @BeforeEach
    void twoBranches() {
        if (victim != null) {
            return;
        }
        Api.OnboardedBranch branch = Api.onboardActive("victim");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        long request = TimeBank.posted(resident.token(), branch.code(), TimeBank.request("SHOPPING",
                OffsetDateTime.now(BusinessClock.ZONE).plusDays(2), building, 60, false));
        TimeBank.review(steward, branch.code(), request, true, null).then().statusCode(200);
        victim = new Victim(branch, resident, request);

        stranger = Api.onboardActive("stranger");
        long strangerBuilding = Members.building(stranger, "1号楼");
        for (Api.OnboardedBranch each : List.of(branch, stranger)) {
            // their routes too: plugins are switched on in both branches
            PluginSwitch.enableEveryActivePlugin(each);
        }
        strangerTokens = new LinkedHashMap<>();
        strangerTokens.put("BRANCH_HEAD", stranger.headToken());
        strangerTokens.put("STEWARD", Members.steward(stranger, strangerBuilding));
        strangerTokens.put("FINANCE", Api.staff(stranger, "FINANCE"));
        Members.Registered volunteer = TimeBank.volunteer(stranger, strangerBuilding, "SHOPPING");
        strangerTokens.put("VOLUNTEER", Api.login(volunteer.username(), Api.PASSWORD));
        strangerTokens.put("MEMBER", TimeBank.paidMember(stranger, strangerBuilding).token());
        strangerTokens.put("MERCHANT", people.withRole(stranger.code(), "MERCHANT").token());
        strangerTokens.put("GOV_VIEWER", people.withRole(stranger.code(), "GOV_VIEWER").token());
        assertThat(strangerTokens.keySet()).containsExactlyElementsOf(ROLES);
    }

    @Test
    @DisplayName("Every branch endpoint answers every role of another branch with 404, its paths filled with the "
            + "victim's own ids, and never 2xx; operations open to alliance members never show the victim's records")
    void anotherBranchsTokensNeverReachData() {
        List<Operation> operations = branchOperations(victim.branch().code());
        assertThat(operations).hasSizeGreaterThanOrEqualTo(40);
        assertThat(operations).as("plugin routes are swept too").extracting(Operation::pathTemplate)
                .contains("/api/branches/{branch}/plugins/trouble/notes/{noteId}");
        for (Map.Entry<String, String> role : strangerTokens.entrySet()) {
            boolean allianceMember = role.getKey().equals("MEMBER") || role.getKey().equals("VOLUNTEER");
            for (Operation operation : operations) {
                Response response = operation.send(as(role.getValue()));
                String what = "%s %s as %s of another branch".formatted(operation.method(), operation.pathTemplate(),
                        role.getKey());
                if (allianceMember && operation.openToAlliance()) {
                    // acting as a member here: their own (empty) list, or a refusal of the empty body, never the
                    // victim's records (allianceMembersSeeOnlyTheirOwn sends well-formed bodies)
                    assertThat(response.statusCode()).as(what).isBetween(operation.recordLevel() ? 400 : 200, 499);
                    // the problem's instance echoes the path, which was filled with the victim's ids
                    assertThat(response.asString().replace(operation.path(), "")).as(what)
                            .doesNotContain(victim.resident().memberId())
                            .doesNotContain(Ids.request(victim.requestId()));
                } else {
                    assertThat(response.statusCode()).as(what).isEqualTo(404);
                    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                }
            }
        }
    }

    @Test
    @DisplayName("Operations open to alliance members show another branch's member only their own: the victim's "
            + "request is 404 to them, their own list holds nothing of the victim's")
    void allianceMembersSeeOnlyTheirOwn() {
        String code = victim.branch().code();
        String base = "/api/branches/" + code + "/service-requests";
        for (String role : List.of("MEMBER", "VOLUNTEER")) {
            String token = strangerTokens.get(role);
            as(token).get(base + "/" + Ids.request(victim.requestId())).then().statusCode(404);
            as(token).get(base + "/" + Ids.request(victim.requestId()) + "/evidence").then().statusCode(404);
            as(token).get(base + "/mine").then().statusCode(200)
                    .body("id", not(hasItem(Ids.request(victim.requestId()))));
            as(token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("actualMinutes", 60, "rating", 5))
                    .post(base + "/" + Ids.request(victim.requestId()) + "/confirmation").then().statusCode(404);
            as(token).body(Map.of("reason", "x"))
                    .post(base + "/" + Ids.request(victim.requestId()) + "/cancellation").then()
                    .statusCode(404);
        }
    }

    @Test
    @DisplayName("Ids of another branch's records, put in the paths and bodies of one's own branch, find nothing")
    void foreignIdsFindNothing() {
        String own = "/api/branches/" + stranger.code();
        String victimMember = victim.resident().memberId();
        for (Operation operation : branchOperations(stranger.code())) {
            if (operation.pathTemplate().contains("Id}") && operation.path().contains(victimMember)) {
                Response response = operation.send(as(stranger.headToken()));
                assertThat(response.statusCode()).as("%s %s with the victim's member id", operation.method(),
                        operation.pathTemplate()).isIn(400, 403, 404, 409, 422);
            }
        }
        as(stranger.headToken()).get(own + "/members/" + victimMember + "?reason=x").then().statusCode(404);
        as(stranger.headToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "TRIAL", "channel", "CASH", "receiptNo", "R-" + UUID.randomUUID()))
                .post(own + "/members/" + victimMember + "/fees").then().statusCode(404);
        as(stranger.headToken()).body(Map.of("roles", List.of("STEWARD")))
                .put(own + "/staff/" + victimMember + "/roles").then().statusCode(404);
        as(stranger.headToken()).body(Map.of("stewardIds", List.of(victimMember)))
                .put(own + "/buildings/" + Members.building(stranger, "5号楼") + "/stewards").then().statusCode(422);
        as(strangerTokens.get("STEWARD")).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("memberId", victimMember, "serviceRequestId", Ids.request(victim.requestId()),
                        "points", "1",
                        "paperFormNo", "JF-" + UUID.randomUUID()))
                .post(own + "/ledger/transfers").then().statusCode(404);
        as(strangerTokens.get("STEWARD")).body(Map.of("memberId", victimMember, "skills", List.of("SHOPPING")))
                .post(own + "/volunteers").then().statusCode(404);
    }

    @Test
    @DisplayName("Every branch endpoint answers a request without a token with 401")
    void noTokenIsUnauthenticated() {
        for (Operation operation : branchOperations(victim.branch().code())) {
            Response response = operation.send(anonymous());
            assertThat(response.statusCode()).as("%s %s without a token", operation.method(),
                    operation.pathTemplate()).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("A branch that does not exist looks exactly like a branch of someone else")
    void unknownAndForeignBranchesLookAlike() {
        String foreign = as(stranger.headToken()).get("/api/branches/" + victim.branch().code()).then().statusCode(404)
                .extract().path("type");
        String unknown = as(stranger.headToken()).get("/api/branches/no_such_branch").then().statusCode(404)
                .extract().path("type");
        assertThat(foreign).isEqualTo(unknown);
    }

    @Test
    @DisplayName("R-BRANCH-3: a branch head sees only their own branch's staff; HQ has no implicit branch access")
    void staffListsStayInTheirBranch() {
        Api.OnboardedBranch branch = victim.branch();
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/staff").then().statusCode(200)
                .body("username", hasItem(branch.headUsername()))
                .body("username", not(hasItem(stranger.headUsername())));
        as(Api.admin()).get("/api/branches/" + branch.code() + "/staff").then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:branch-not-found"));
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> branchOperations(String branch) {
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
                    String summary = String.valueOf(op.get("summary")) + op.get("description");
                    operations.add(new Operation(method.toUpperCase(), template, fillPath(branch, template, op,
                            document), mediaType(op), template.substring(BRANCH_PREFIX.length()).contains("{"),
                            OPEN_TO_ALLIANCE.stream().anyMatch(open -> open.equals(method + " " + template))
                                    || Boolean.TRUE.equals(op.get("x-open-to-alliance-members"))));
                }
            });
        });
        return operations;
    }

    /**
     * The core operations @OpenToAllianceMembers marks, which the OpenAPI document does not say; plugin routes open to
     * alliance members are marked {@code x-open-to-alliance-members} in it.
     */
    private static final List<String> OPEN_TO_ALLIANCE = List.of(
            "post /api/branches/{branch}/service-requests",
            "get /api/branches/{branch}/service-requests/mine",
            "get /api/branches/{branch}/service-requests/{id}",
            "post /api/branches/{branch}/service-requests/{id}/confirmation",
            "post /api/branches/{branch}/service-requests/{id}/cancellation",
            "get /api/branches/{branch}/service-requests/{id}/evidence",
            "get /api/branches/{branch}/service-requests/{id}/evidence/{evidenceId}",
            "get /api/branches/{branch}/leaderboard");

    @SuppressWarnings("unchecked")
    private static String mediaType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return "application/json";
        }
        return ((Map<String, Object>) body.get("content")).keySet().iterator().next();
    }

    /**
     * Enum parameters get their first value, numeric ones the victim's request id, opaque ids (string ids that are
     * not UUIDs) the victim's request's opaque id, the others its member id.
     */
    @SuppressWarnings("unchecked")
    private static String fillPath(String branch, String template, Map<String, Object> operation,
            Map<String, Object> document) {
        String path = template.replace("{branch}", branch);
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("path".equals(parameter.get("in")) && !"branch".equals(parameter.get("name"))) {
                Map<String, Object> schema = resolve((Map<String, Object>) parameter.get("schema"), document);
                String value = schema.containsKey("enum") ? ((List<Object>) schema.get("enum")).get(0).toString()
                        : List.of("integer", "number").contains(schema.get("type")) ? Long.toString(victim.requestId())
                        : "date".equals(schema.get("format")) ? "2026-12-24"
                        : opaqueId(parameter.get("name").toString(), schema) ? Ids.request(victim.requestId())
                        : victim.resident().memberId();
                path = path.replace("{" + parameter.get("name") + "}", value);
            }
        }
        assertThat(path).as("every path parameter of %s is filled", template).doesNotContain("{");
        return path;
    }

    private static boolean opaqueId(String name, Map<String, Object> schema) {
        return (name.equals("id") || name.endsWith("Id")) && !"uuid".equals(schema.get("format"));
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
