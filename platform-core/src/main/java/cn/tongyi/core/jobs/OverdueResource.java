package cn.tongyi.core.jobs;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The items past their deadlines: a branch's for its head and staff, every branch's for HQ. */
@Path("/api")
@Tag(name = "Deadlines")
public class OverdueResource {

    private final OverdueItems overdue;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;

    OverdueResource(OverdueItems overdue, CurrentBranch currentBranch, BusinessClock clock) {
        this.overdue = overdue;
        this.currentBranch = currentBranch;
        this.clock = clock;
    }

    @GET
    @Path("/branches/{branch}/overdue")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "The branch's items past a deadline (complaints, reviews, reports, disclosure), oldest first")
    public List<Overdue> branch(@PathParam("branch") String branch) {
        return overdue.in(currentBranch.require(), clock.now());
    }

    @GET
    @Path("/admin/overdue")
    @RolesAllowed("HQ_ADMIN")
    @Operation(summary = "Every ACTIVE branch's items past a deadline")
    public List<Overdue> everywhere() {
        return overdue.everywhere(clock.now());
    }
}
