package cn.tongyi.web.ui;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The 长辈版 (elder mode) and language switches shown on every page: they remember the choice on the device and go back
 * to the page they were pressed on. Plain links, so they work without JavaScript; a preference is not worth a CSRF
 * token (the worst a forged link does is change the text size).
 */
@Path("/ui")
public class PreferenceSwitches {

    @GET
    @Path("/elder")
    @Operation(hidden = true)
    public Response elder(@QueryParam("on") boolean on, @QueryParam("back") String back,
            HttpServerResponse response) {
        response.addCookie(UiCookies.preference(UiCookies.ELDER, on ? "1" : "0"));
        return back(back);
    }

    @GET
    @Path("/language")
    @Operation(hidden = true)
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back,
            HttpServerResponse response) {
        response.addCookie(UiCookies.preference(UiCookies.LANGUAGE, "en".equals(to) ? "en" : "zh"));
        return back(back);
    }

    private static Response back(String back) {
        return Response.seeOther(URI.create(PagePaths.safeReturn(back, "/"))).build();
    }
}
