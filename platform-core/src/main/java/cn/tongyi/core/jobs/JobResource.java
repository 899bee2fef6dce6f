package cn.tongyi.core.jobs;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HQ runs a daily job by hand, e.g. to catch up a day the scheduler missed. Jobs are safe to run twice. */
@Path("/api/admin/jobs")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: jobs")
public class JobResource {

    private final Instance<DailyJob> jobs;
    private final BusinessClock clock;

    JobResource(Instance<DailyJob> jobs, BusinessClock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @POST
    @Path("/{job}/runs")
    @Operation(summary = "Run a daily job for a day (default today) in every ACTIVE branch")
    public DailyJob.JobReport run(@PathParam("job") String name, @QueryParam("day") LocalDate day) {
        DailyJob job = jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("job-not-found", "No job " + name));
        return job.run(day != null ? day : clock.today());
    }
}
