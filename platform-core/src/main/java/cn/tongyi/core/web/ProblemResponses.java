package cn.tongyi.core.web;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The problem+json refusals of the API document: a shared {@code Problem} schema, one shared response per status, and
 * the set each kind of operation can meet (ProblemMappers and the domains' ApiProblems decide the actual answers).
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";

    private record Refusal(String status, String name, String description) {
    }

    private static final Refusal BAD_REQUEST = new Refusal("400", "BadRequest",
            "Malformed or invalid input; `errors` names the fields at fault");
    private static final Refusal UNAUTHORIZED = new Refusal("401", "Unauthorized",
            "No valid access token: log in with POST /api/auth/login and send the token as a Bearer token");
    private static final Refusal FORBIDDEN = new Refusal("403", "Forbidden",
            "The caller's roles do not allow this");
    private static final Refusal NOT_FOUND = new Refusal("404", "NotFound",
            "No such record; under /api/branches/{branch}/ also a branch the caller has no grant in (both look alike)");
    private static final Refusal CONFLICT = new Refusal("409", "Conflict",
            "The current state does not allow this: already done, taken by someone else, a duplicate, a balance too low");
    private static final Refusal UNPROCESSABLE = new Refusal("422", "UnprocessableContent",
            "Well-formed but refused by a rule, or an Idempotency-Key reused with a different request");

    private static final List<Refusal> ALL =
            List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE);

    private ProblemResponses() {
    }

    static void addComponents(Components components) {
        components.addSchema(SCHEMA, problem());
        for (Refusal refusal : ALL) {
            components.addResponse(refusal.name(), OASFactory.createAPIResponse()
                    .description(refusal.description())
                    .content(OASFactory.createContent().addMediaType(ProblemFactory.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)))));
        }
    }

    /**
     * 400 when there is input, 401 and 403 when a token is needed, 404 when the path names something, 409 and 422
     * for writes. A response the operation already documents with a body is kept.
     */
    static void addTo(Operation operation, PathItem.HttpMethod method, String path, boolean needsToken) {
        List<Refusal> refusals = new ArrayList<>();
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (operation.getRequestBody() != null || hasParameters) {
            refusals.add(BAD_REQUEST);
        }
        if (needsToken) {
            refusals.add(UNAUTHORIZED);
            refusals.add(FORBIDDEN);
        }
        if (path.contains("{")) {
            refusals.add(NOT_FOUND);
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS) {
            refusals.add(CONFLICT);
            refusals.add(UNPROCESSABLE);
        }
        APIResponses responses = operation.getResponses();
        for (Refusal refusal : refusals) {
            if (!hasBody(responses.getAPIResponse(refusal.status()))) {
                responses.addAPIResponse(refusal.status(), OASFactory.createAPIResponse().ref(refusal.name()));
            }
        }
    }

    /** Quarkus adds 400, 401 and 403 with a description only; those get the problem body too. */
    private static boolean hasBody(APIResponse response) {
        return response != null && (response.getRef() != null
                || response.getContent() != null && !response.getContent().getMediaTypes().isEmpty());
    }

    private static Schema problem() {
        Schema fieldError = object()
                .description("A field of the request and what is wrong with it; for uploaded files, also the line")
                .addProperty("line", integer().description("Line of an uploaded file, counted from 1"))
                .addProperty("field", string().description("The field, e.g. member.phone"))
                .addProperty("message", string())
                .required(List.of("field", "message"));
        return object()
                .description("RFC 9457 problem details. Some types add members of their own, e.g. the balance that "
                        + "did not cover a payment.")
                .addProperty("type", string().format("uri")
                        .description("Stable and machine-readable: " + ProblemFactory.TYPE_PREFIX + "<slug>")
                        .examples(List.of(ProblemFactory.TYPE_PREFIX + "invalid-request")))
                .addProperty("title", string().description("In Chinese, or in English with Accept-Language: en"))
                .addProperty("status", integer().description("The HTTP status"))
                .addProperty("detail", string().description("This occurrence, in English"))
                .addProperty("instance", string().format("uri-reference").description("The request's path"))
                .addProperty("requestId", string().description("The request's X-Request-Id, to quote to support"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32");
    }
}
