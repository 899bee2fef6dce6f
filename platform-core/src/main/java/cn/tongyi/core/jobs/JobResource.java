package cn.tongyi.core.jobs;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HQ reads the jobs and their runs, and runs a job by hand, e.g. to catch up a day. Jobs are safe to run twice. */
@Path("/api/admin/jobs")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: jobs")
public class JobResource {

    public record JobSummary(String name, String schedule, JobRun lastRun) {
    }

    private final Instance<DailyJob> jobs;
    private final JobRunner runner;
    private final BusinessClock clock;

    JobResource(Instance<DailyJob> jobs, JobRunner runner, BusinessClock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Every scheduled job with its schedule and its last run")
    public List<JobSummary> list() {
        return jobs.stream().sorted(Comparator.comparing(DailyJob::name))
                .map(job -> new JobSummary(job.name(), job.schedule(), runner.lastRun(job.name()).orElse(null)))
                .toList();
    }

    @GET
    @Path("/{job}/runs")
    @Operation(summary = "The job's latest runs, newest first: started, finished, instance, status, what it found")
    public List<JobRun> runs(@PathParam("job") String name, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be between 1 and 500");
        }
        return runner.recentRuns(job(name).name(), limit);
    }

    @POST
    @Path("/{job}/runs")
    @Operation(summary = "Run a job for a day (default today) in every ACTIVE branch; waits for a run in progress")
    public JobRun run(@PathParam("job") String name, @QueryParam("day") LocalDate day) {
        return runner.runByHand(job(name), day != null ? day : clock.today());
    }

    private DailyJob job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("job-not-found", "No job " + name));
    }
}
