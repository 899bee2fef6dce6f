package cn.tongyi.core.finance;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.Branch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** R-FIN-3: the monthly disclosure, published by the finance officer or the head, read by every member. */
@Path("/api/branches/{branch}/finance/disclosures")
@Tag(name = "Finance")
public class DisclosureResource {

    public record Publication(@Size(max = 200) String reason) {
    }

    public record MonthView(String month, List<Disclosures.Revision> revisions) {
    }

    private final Disclosures disclosures;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final String publicUrl;

    DisclosureResource(Disclosures disclosures, CurrentBranch currentBranch, CallerGrants caller,
            @ConfigProperty(name = "tongyi.public-url") String publicUrl) {
        this.disclosures = disclosures;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.publicUrl = publicUrl;
    }

    @POST
    @Path("/{month}")
    @Idempotent
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "Publish a month that is over (closing its books): the first revision, or a correction as a "
            + "further revision with its reason; due by the 10th of the next month")
    public RestResponse<Disclosures.Published> publish(@PathParam("branch") String branch,
            @PathParam("month") String month, @Valid Publication publication) {
        return RestResponse.status(RestResponse.Status.CREATED, disclosures.publish(currentBranch.require(),
                CashBookResource.month(month), publication == null ? null : publication.reason(), caller.username()));
    }

    @GET
    @BranchRoles({Role.MEMBER, Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "The published months, newest first, with their revisions")
    public List<MonthView> list(@PathParam("branch") String branch) {
        return disclosures.months(currentBranch.require()).stream().map(m -> new MonthView(m,
                disclosures.revisions(currentBranch.require(), YearMonth.parse(m)))).toList();
    }

    @GET
    @Path("/{month}")
    @BranchRoles({Role.MEMBER, Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "A month's published accounts: the latest revision, or the one asked for")
    public Disclosures.Published get(@PathParam("branch") String branch, @PathParam("month") String month,
            @QueryParam("revision") Integer revision) {
        return disclosures.published(currentBranch.require(), CashBookResource.month(month), revision);
    }

    @GET
    @Path("/{month}/notice.pdf")
    @Produces("application/pdf")
    @BranchRoles({Role.MEMBER, Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "The printable notice-board PDF of a month's accounts, with a QR code to the online version")
    public RestResponse<byte[]> notice(@PathParam("branch") String branch, @PathParam("month") String month,
            @QueryParam("revision") Integer revision) {
        Disclosures.Published published = disclosures.published(currentBranch.require(),
                CashBookResource.month(month), revision);
        String online = publicUrl + "/api/branches/" + branch + "/finance/disclosures/" + published.month()
                + "?revision=" + published.revision();
        String name = Branch.byCode(branch).map(b -> b.name).orElse(branch);
        return RestResponse.ResponseBuilder.ok(DisclosureNotice.render(name, published, online), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"disclosure-" + branch + "-"
                        + published.month() + "-r" + published.revision() + ".pdf\"")
                .build();
    }
}
