package cn.tongyi.core.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The browser session: login form, cookie, CSRF, HTML errors and tenant isolation of pages (ADR 0015). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BrowserSessionTest {

    private static final String CSRF = "token-of-this-browser-0123456789";

    private static RequestSpecification browser() {
        return given().redirects().follow(false).cookie("tongyi_csrf", CSRF);
    }

    private static String session(String username) {
        Response login = browser().formParam("_csrf", CSRF).formParam("username", username)
                .formParam("password", Api.PASSWORD).post("/login");
        login.then().statusCode(303);
        String cookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tongyi_session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Max-Age=7200");
        return login.getCookie("tongyi_session");
    }

    @Test
    @DisplayName("A form login sets an HttpOnly SameSite session cookie and lands on the member app of the home branch")
    void loginLandsOnTheMemberApp() {
        Api.OnboardedBranch branch = Api.onboardActive("uis");
        Members.Registered member = TimeBank.paidMember(branch, Members.building(branch, "1号楼"));

        Response login = browser().formParam("_csrf", CSRF).formParam("username", member.username())
                .formParam("password", Api.PASSWORD).post("/login");

        login.then().statusCode(303).header("Location", containsString("/m/" + branch.code()));
        String session = login.getCookie("tongyi_session");
        given().cookie("tongyi_session", session).get("/api/me").then().statusCode(200)
                .body("username", equalTo(member.username()));
        given().cookie("tongyi_session", session).get("/m/" + branch.code()).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("我的积分"));
    }

    @Test
    @DisplayName("A page write without the form's CSRF token is refused with a readable page, the login included")
    void csrfTokenRequired() {
        given().redirects().follow(false).formParam("username", "nobody").formParam("password", "x")
                .post("/login").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("页面已过期"));
        browser().formParam("_csrf", "another-token").post("/logout").then().statusCode(403);
        browser().formParam("_csrf", CSRF).post("/logout").then().statusCode(303)
                .header("Set-Cookie", containsString("tongyi_session=;"));
    }

    @Test
    @DisplayName("A wrong password shows the login form again with a message, in Chinese or in English")
    void wrongPassword() {
        browser().formParam("_csrf", CSRF).formParam("username", "nobody-here").formParam("password", "wrong-one-1")
                .post("/login").then().statusCode(401).body(containsString("用户名或密码不对"));
        browser().cookie("tongyi_lang", "en").formParam("_csrf", CSRF).formParam("username", "nobody-here")
                .formParam("password", "wrong-one-1").post("/login").then().statusCode(401)
                .body(containsString("Wrong username or password"));
    }

    @Test
    @DisplayName("Pages obey tenant isolation: another branch's page is a 404 page, no session goes to the login")
    void pagesAreIsolated() {
        Api.OnboardedBranch mine = Api.onboardActive("uis");
        Api.OnboardedBranch other = Api.onboardActive("uis");
        Members.Registered member = TimeBank.paidMember(mine, Members.building(mine, "1号楼"));
        String session = session(member.username());

        given().cookie("tongyi_session", session).get("/m/" + other.code()).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("没有找到这个页面"));
        browser().get("/m/" + mine.code()).then().statusCode(303)
                .header("Location", endsWith("/login?back=%2Fm%2F" + mine.code()));
    }
}
