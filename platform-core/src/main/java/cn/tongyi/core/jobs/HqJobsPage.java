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
import java.time.OffsetDateTime;
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

    @Inject
    @Location("hq/jobs.html")
    Template template;

    private final Instance<DailyJob> jobs;
    private final JobRuns runs;
    private final PageContext pages;
    private final CallerGrants caller;
    private final BusinessClock clock;

    HqJobsPage(Instance<DailyJob> jobs, JobRuns runs, PageContext pages, CallerGrants caller, BusinessClock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.pages = pages;
        this.caller = caller;
        this.clock = clock;
    }

    /** A job as the page lists it: its name and when it last started, if it ran. */
    public record JobLine(String name, OffsetDateTime lastStarted) {
    }

    @GET
    @Operation(hidden = true)
    public String list(@QueryParam("ran") String ran) {
        List<JobRuns.Run> last = runs.lastOfEach();
        List<JobLine> all = jobs.stream().map(DailyJob::name).sorted()
                .map(name -> new JobLine(name, last.stream().filter(r -> r.job().equals(name)).findFirst()
                        .map(JobRuns.Run::startedAt).orElse(null)))
                .toList();
        return template.data("page", pages.page("hq.jobs.title", false, caller.username()))
                .data("jobs", all)
                .data("runs", runs.latest(null))
                .data("ran", ran)
                .render();
    }

    @POST
    @Path("/{job}/runs")
    @Operation(hidden = true)
    public Response run(@PathParam("job") String name) {
        DailyJob job = jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("job-not-found", "No job " + name));
        job.run(clock.today());
        return Response.seeOther(URI.create("/hq/jobs?ran=" + name)).build();
    }
}
