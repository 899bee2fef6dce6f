package cn.tongyi.core.deadline;

import cn.tongyi.web.BusinessClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every ACTIVE branch's items past their deadlines, for HQ. */
@Path("/api/admin/overdue")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: deadlines")
public class HqOverdueResource {

    private final OverdueItems overdue;
    private final BusinessClock clock;

    HqOverdueResource(OverdueItems overdue, BusinessClock clock) {
        this.overdue = overdue;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Every ACTIVE branch's items past a deadline, by branch, oldest first")
    public List<Overdue> list() {
        return overdue.everywhere(clock.now());
    }
}
