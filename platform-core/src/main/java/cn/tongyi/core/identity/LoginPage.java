package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import cn.tongyi.web.ui.PagePaths;
import cn.tongyi.web.ui.UiCookies;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The browser's login and logout (ADR 0015): the same logins, refusals and throttling as POST /api/auth/login; the
 * access token goes into the HttpOnly session cookie, with the browser session's lifetime, renewed while the person
 * is active ({@link SessionRenewal}).
 */
@Path("/")
@Produces(PageErrors.HTML)
public class LoginPage {

    @Inject
    @Location("identity/login.html")
    Template form;

    private final LoginService logins;
    private final TokenIssuer tokens;
    private final PageContext pages;
    private final SessionRenewal sessions;
    private final CurrentPerson me;

    LoginPage(LoginService logins, TokenIssuer tokens, PageContext pages, SessionRenewal sessions, CurrentPerson me) {
        this.logins = logins;
        this.tokens = tokens;
        this.pages = pages;
        this.sessions = sessions;
        this.me = me;
    }

    @GET
    @Operation(hidden = true)
    public Response start(HttpServerRequest request) {
        if (request.getCookie(UiCookies.SESSION) == null) {
            return PageErrors.toLogin(null);
        }
        return Response.seeOther(URI.create(landing(me.require()))).build();
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public String loginForm(@QueryParam("back") String back) {
        return render(back, null, null);
    }

    @POST
    @Path("login")
    @Operation(hidden = true)
    public Response login(@RestForm String username, @RestForm String password, @RestForm String back,
            HttpServerRequest request, HttpServerResponse response) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 40 || password.length() > 72) {
            return Response.status(400).entity(render(back, username, "ui.login.refused")).build();
        }
        try {
            logins.login(client(request), username, password);
        } catch (ApiProblem refused) {
            String message = refused.status() == 429 ? "ui.login.throttled" : "ui.login.refused";
            return Response.status(refused.status()).entity(render(back, username, message)).build();
        }
        Person person = Person.byUsername(username).orElseThrow();
        sessions.start(person, response);
        return Response.seeOther(URI.create(PagePaths.safeReturn(back, landing(person)))).build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(HttpServerResponse response) {
        response.addCookie(UiCookies.expired(UiCookies.SESSION));
        return Response.seeOther(URI.create("/login")).build();
    }

    private String render(String back, String username, String errorKey) {
        Page page = pages.anonymous("ui.login.title");
        return form.data("page", page)
                .data("back", PagePaths.safeReturn(back, ""))
                .data("username", username == null ? "" : username)
                .data("error", errorKey == null ? null : page.t(errorKey))
                .render();
    }

    /** Where a person starts: the member app of the home branch, else the first console their roles open. */
    static String landing(Person person) {
        Map<String, Set<Role>> grants = RoleGrant.byBranch(person.id);
        if (person.homeBranch != null && grants.getOrDefault(person.homeBranch, Set.of()).contains(Role.MEMBER)) {
            return "/m/" + person.homeBranch;
        }
        return grants.keySet().stream().sorted().findFirst().map(branch -> "/s/" + branch)
                .orElse(person.hqAdmin ? "/hq" : "/login");
    }

    private static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
