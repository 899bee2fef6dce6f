package cn.tongyi.core.service;

import cn.tongyi.core.member.Member;
import cn.tongyi.core.member.MemberAccess;
import cn.tongyi.core.privacy.Masks;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.Branch;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The printed points passbook (积分存折) of a member, for members without a phone (R-LEDGER-4). */
@Path("/api/branches/{branch}/members/{memberId}/passbook.pdf")
@Tag(name = "Members")
public class PassbookResource {

    private final Passbook passbook;
    private final MemberAccess access;
    private final CurrentBranch currentBranch;

    PassbookResource(Passbook passbook, MemberAccess access, CurrentBranch currentBranch) {
        this.passbook = passbook;
        this.access = access;
        this.currentBranch = currentBranch;
    }

    @GET
    @Produces("application/pdf")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "A member's points passbook as a printable PDF: each entry's date, service, hours in and out "
            + "and the balance; for the head, the stewards of the member's building and finance (name masked)")
    public RestResponse<byte[]> print(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId) {
        Member member = currentBranch.has(Role.FINANCE) ? access.find(memberId) : access.requireCareOf(memberId);
        String holder = access.caresFor(member) ? member.name : Masks.name(member.name);
        String branchName = Branch.byCode(branch).map(b -> b.name).orElse(branch);
        byte[] pdf = PassbookPdf.render(passbook.of(member, branchName, holder));
        return RestResponse.ResponseBuilder.ok(pdf, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"passbook-" + memberId + ".pdf\"")
                .build();
    }
}
