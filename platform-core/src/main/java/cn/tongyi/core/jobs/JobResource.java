package cn.tongyi.core.jobs;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HQ sees the jobs and their latest runs, and runs a daily job by hand, e.g. to catch up a day the scheduler missed.
 * Jobs are safe to run twice.
 */
@Path("/api/admin/jobs")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: jobs")
public class JobResource {

    private final Instance<DailyJob> jobs;
    private final JobRuns runs;
    private final BusinessClock clock;

    JobResource(Instance<DailyJob> jobs, JobRuns runs, BusinessClock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.clock = clock;
    }

    /** A job by name, with its latest run across the branches if it ran since the record began. */
    public record Job(String name, Optional<JobRuns.Run> lastRun) {
    }

    @GET
    @Operation(summary = "The daily jobs, by name, each with its latest run")
    public List<Job> jobs() {
        List<JobRuns.Run> latest = runs.lastOfEach();
        return jobs.stream().map(DailyJob::name).sorted()
                .map(name -> new Job(name, latest.stream().filter(r -> r.job().equals(name)).findFirst()))
                .toList();
    }

    @GET
    @Path("/runs")
    @Operation(summary = "The latest runs across the ACTIVE branches (of one job with job=…), newest first, with the "
            + "branches where a run failed")
    public List<JobRuns.Run> runs(@QueryParam("job") String job) {
        return runs.latest(job);
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
