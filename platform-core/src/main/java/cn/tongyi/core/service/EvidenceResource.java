package cn.tongyi.core.service;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.member.MemberAccess;
import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.OpenToAllianceMembers;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Photo and video evidence of a service (R-SERVICE-5): uploaded by the volunteer who took it, at most 5 MB. */
@Path("/api/branches/{branch}/service-requests/{id}/evidence")
@Tag(name = "Service requests")
public class EvidenceResource {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    public record EvidenceView(
            @Opaque(OpaqueIds.Kind.EVIDENCE) @Schema(type = SchemaType.STRING) long id,
            String mediaType, int sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    private final MemberAccess access;
    private final CurrentPerson person;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final OpaqueIds opaqueIds;

    EvidenceResource(MemberAccess access, CurrentPerson person, CurrentBranch currentBranch, CallerGrants caller,
            BusinessClock clock, OpaqueIds opaqueIds) {
        this.access = access;
        this.person = person;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.clock = clock;
        this.opaqueIds = opaqueIds;
    }

    @POST
    @Transactional
    @Consumes({"image/jpeg", "image/png", "video/mp4"})
    @Operation(summary = "Attach a photo (JPEG, PNG) or video (MP4) of at most 5 MB, as the request's volunteer")
    @BranchRoles({Role.VOLUNTEER, Role.MEMBER})
    public RestResponse<EvidenceView> upload(@PathParam("branch") String branch, @PathParam("id") String id,
            HttpHeaders headers, byte[] content) {
        ServiceRequest request = ServiceRequests.find(opaqueIds.require(OpaqueIds.Kind.SERVICE_REQUEST, id));
        if (request.volunteerMemberId == null || !request.volunteerMemberId.equals(access.self().id)) {
            throw ApiProblem.forbidden("not-your-service", "Only the volunteer who took this request attaches "
                    + "evidence");
        }
        if (content.length > MAX_BYTES) {
            throw new ApiProblem(413, "evidence-too-large", "Evidence files are at most 5 MB");
        }
        if (content.length == 0) {
            throw ApiProblem.badRequest("evidence-empty", "The file is empty");
        }
        ServiceEvidence evidence = new ServiceEvidence();
        evidence.requestId = request.id;
        evidence.mediaType = headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype();
        evidence.sizeBytes = content.length;
        evidence.sha256 = sha256(content);
        evidence.content = content;
        evidence.uploadedBy = caller.username();
        evidence.uploadedAt = clock.now();
        evidence.persist();
        return RestResponse.status(RestResponse.Status.CREATED, view(evidence));
    }

    @GET
    @OpenToAllianceMembers
    @Operation(summary = "The evidence of a request (metadata only), for its requester, its volunteer and staff")
    @BranchRoles({Role.MEMBER, Role.VOLUNTEER, Role.STEWARD, Role.BRANCH_HEAD})
    public List<EvidenceView> list(@PathParam("branch") String branch, @PathParam("id") String id) {
        long requestId = visible(id);
        return ServiceEvidence.<ServiceEvidence>list("requestId", Sort.by("id"), requestId).stream()
                .map(EvidenceResource::view).toList();
    }

    @GET
    @Path("/{evidenceId}")
    @OpenToAllianceMembers
    @Operation(summary = "One evidence file as uploaded, for the request's requester, its volunteer and staff; "
            + "its SHA-256 is the ETag")
    @BranchRoles({Role.MEMBER, Role.VOLUNTEER, Role.STEWARD, Role.BRANCH_HEAD})
    public RestResponse<byte[]> download(@PathParam("branch") String branch, @PathParam("id") String id,
            @PathParam("evidenceId") String evidenceId) {
        long requestId = visible(id);
        ServiceEvidence evidence = ServiceEvidence.<ServiceEvidence>find("id = ?1 and requestId = ?2",
                        opaqueIds.require(OpaqueIds.Kind.EVIDENCE, evidenceId), requestId)
                .firstResultOptional()
                .orElseThrow(() -> OpaqueIds.notFound(OpaqueIds.Kind.EVIDENCE));
        return RestResponse.ResponseBuilder.ok(evidence.content, evidence.mediaType)
                .header(HttpHeaders.ETAG, "\"" + evidence.sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400, immutable")
                .build();
    }

    /** The request's id, if the caller may see it; 404 otherwise. */
    private long visible(String id) {
        return ServiceRequest.visibleTo(opaqueIds.require(OpaqueIds.Kind.SERVICE_REQUEST, id), person.id(),
                currentBranch.hasAny(Role.STEWARD, Role.BRANCH_HEAD)).id;
    }

    private static EvidenceView view(ServiceEvidence e) {
        return new EvidenceView(e.id, e.mediaType, e.sizeBytes, e.sha256, e.uploadedBy, e.uploadedAt);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
