package cn.tongyi.core.deadline;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The branch's items past their deadlines, for its head and staff. */
@Path("/api/branches/{branch}/overdue")
@Tag(name = "Deadlines")
public class BranchOverdueResource {

    private final OverdueItems overdue;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;

    BranchOverdueResource(OverdueItems overdue, CurrentBranch currentBranch, BusinessClock clock) {
        this.overdue = overdue;
        this.currentBranch = currentBranch;
        this.clock = clock;
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "The branch's items past a deadline (reviews, acceptances, complaints, incident reports, "
            + "activity summaries, disclosure, compliance fixes), oldest first")
    public List<Overdue> list(@PathParam("branch") String branch) {
        return overdue.in(currentBranch.require(), clock.now());
    }
}
