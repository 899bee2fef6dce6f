package cn.tongyi.core.jobs;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The HQ console's jobs: each daily job with its last run, the latest runs with the branches where they failed, and a
 * button to run a job now for today (jobs are safe to run twice, so a double click does no harm).
 */
@Path("/hq/jobs")
@RolesAllowed("HQ_ADMIN")
@Produces(PageErrors.HTML)
public class HqJobsPage {

    private static final int RUNS_PER_JOB = 5;

    @Inject
    @Location("hq/jobs.html")
    Template template;

    private final Instance<DailyJob> jobs;
    private final JobRunner runner;
    private final PageContext pages;
    private final CallerGrants caller;
    private final BusinessClock clock;

    HqJobsPage(Instance<DailyJob> jobs, JobRunner runner, PageContext pages, CallerGrants caller, BusinessClock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.pages = pages;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public String list(@QueryParam("ran") String ran) {
        List<DailyJob> all = jobs.stream().sorted(Comparator.comparing(DailyJob::name)).toList();
        List<JobResource.JobSummary> summaries = all.stream()
                .map(job -> new JobResource.JobSummary(job.name(), job.schedule(),
                        runner.lastRun(job.name()).orElse(null)))
                .toList();
        List<JobRun> recent = all.stream().flatMap(job -> runner.recentRuns(job.name(), RUNS_PER_JOB).stream())
                .sorted(Comparator.comparing(JobRun::startedAt).reversed())
                .toList();
        return template.data("page", pages.page("hq.jobs.title", false, caller.username()))
                .data("jobs", summaries)
                .data("runs", recent)
                .data("ran", ran)
                .render();
    }

    @POST
    @Path("/{job}/runs")
    @Operation(hidden = true)
    public Response run(@PathParam("job") String name) {
        DailyJob job = jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("job-not-found", "No job " + name));
        runner.runByHand(job, clock.today());
        return Response.seeOther(URI.create("/hq/jobs?ran=" + name)).build();
    }
}
