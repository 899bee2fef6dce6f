package cn.tongyi.core.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A page with a Content-Security-Policy of its own, as a later HTML UI will have; served in tests only. */
@Path("/test/own-policy")
public class OwnPolicyPage {

    static final String POLICY = "default-src 'self'; frame-ancestors 'none'";

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page() {
        return Response.ok("<!DOCTYPE html><title>UI</title>").header("Content-Security-Policy", POLICY).build();
    }
}
