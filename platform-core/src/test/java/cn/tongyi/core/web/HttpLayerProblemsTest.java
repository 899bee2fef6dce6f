package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Refusals made before any resource runs are problem+json like the others: bodies over their limit, declared or
 * chunked; paths and methods nothing serves; media types no resource speaks.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class HttpLayerProblemsTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final long MB = 1024 * 1024;

    @Test
    @DisplayName("A body declared over the 20 MB HTTP limit is a 413 problem, refused before a byte is read")
    void declaredOverHttpLimit() {
        RawHttp.Reply upload = RawHttp.declaring("POST", "/api/branches/any/service-requests/1/evidence",
                "image/jpeg", 25 * MB);
        assertTooLarge(upload, 20 * MB);
        assertThat(JsonPath.from(upload.body()).getString("title")).isEqualTo("请求内容过大");

        RawHttp.Reply registration = RawHttp.declaring("POST", "/api/member-registrations", "application/json",
                21 * MB, "Accept-Language: en");
        assertTooLarge(registration, 262_144);
        assertThat(JsonPath.from(registration.body()).getString("title")).isEqualTo("The body is too large");
    }

    @Test
    @DisplayName("A chunked JSON body is cut off past the 256 KB JSON limit with a 413 problem")
    void chunkedJsonOverJsonLimit() {
        assertTooLarge(RawHttp.chunked("POST", "/api/member-registrations", "application/json", 300 * 1024,
                (byte) ' '), 262_144);
    }

    @Test
    @DisplayName("A chunked upload is cut off past the 20 MB HTTP limit with a 413 problem")
    void chunkedUploadOverHttpLimit() {
        Api.OnboardedBranch branch = Api.onboard("chunked");
        String volunteer = Members.registerOnline(branch, Members.building(branch, "1号楼")).token();
        assertTooLarge(RawHttp.chunked("POST", "/api/branches/" + branch.code() + "/service-requests/1/evidence",
                "image/jpeg", 21 * MB, (byte) 0xFF, "Authorization: Bearer " + volunteer), 20 * MB);
    }

    @Test
    @DisplayName("Paths nothing serves are a 404 problem, under /api, under /q and elsewhere")
    void unknownPaths() {
        for (String path : new String[] {"/nope", "/api/nope", "/api/no/such/thing", "/q/nope"}) {
            anonymous().get(path).then().statusCode(404).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:tongyi:problem:not-found"))
                    .body("title", equalTo("未找到"))
                    .body("instance", equalTo(path))
                    .body("requestId", notNullValue());
        }
        anonymous().header("Accept-Language", "en").post("/nope").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not found"));
    }

    @Test
    @DisplayName("A method, an Accept or a Content-Type nothing serves is a 405, 406 or 415 problem")
    void methodsAndMediaTypes() {
        as(admin()).delete("/api/admin/branches").then().statusCode(405).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:method-not-allowed"))
                .body("title", equalTo("不支持此请求方法"));
        as(admin()).accept("application/xml").get("/api/admin/branches").then().statusCode(406)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:not-acceptable"));
        as(admin()).contentType("text/plain").body("hello").post("/api/admin/branches")
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:unsupported-media-type"));
    }

    private static void assertTooLarge(RawHttp.Reply reply, long limit) {
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).isEqualTo(PROBLEM_JSON);
        assertThat(reply.header("Connection")).isEqualTo("close");
        JsonPath problem = JsonPath.from(reply.body());
        assertThat(problem.getString("type")).isEqualTo("urn:tongyi:problem:body-too-large");
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("detail")).contains(String.valueOf(limit));
        assertThat(problem.getString("requestId")).isNotBlank();
    }
}
