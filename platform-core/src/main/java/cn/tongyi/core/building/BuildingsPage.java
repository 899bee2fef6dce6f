package cn.tongyi.core.building;

import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.core.staff.StaffMember;
import cn.tongyi.core.staff.StaffService;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/** The branch head's buildings: add one, and choose its stewards among the branch's stewards. */
@Path("/s/{branch}/buildings")
@Produces(PageErrors.HTML)
@BranchRoles(Role.BRANCH_HEAD)
public class BuildingsPage {

    @TemplateData
    public record StewardChoice(UUID id, String name, boolean assigned) {
    }

    @TemplateData
    public record Row(long id, String name, int units, List<StewardChoice> stewards) {
    }

    @Inject
    @Location("building/buildings.html")
    Template buildings;

    private final BuildingResource api;
    private final StaffService staff;
    private final CurrentBranch currentBranch;
    private final Validator validator;
    private final ConsolePages pages;

    BuildingsPage(BuildingResource api, StaffService staff, CurrentBranch currentBranch, Validator validator,
            ConsolePages pages) {
        this.api = api;
        this.staff = staff;
        this.currentBranch = currentBranch;
        this.validator = validator;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public String list(@PathParam("branch") String branch, @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("staff.buildings.title");
        List<StaffMember> stewards = staff.list(currentBranch.require()).stream()
                .filter(s -> s.roles().contains(Role.STEWARD)).toList();
        List<Row> rows = api.list(branch).stream().map(b -> new Row(b.id(), b.name(), b.units(),
                stewards.stream().map(s -> new StewardChoice(s.id(), s.displayName(),
                        b.stewardIds().contains(s.id()))).toList())).toList();
        return buildings.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("buildings", rows).data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@PathParam("branch") String branch, @RestForm String name, @RestForm Integer units,
            @RestForm BigDecimal latitude, @RestForm BigDecimal longitude) {
        try {
            BuildingResource.BuildingRequest request = new BuildingResource.BuildingRequest(name, units, latitude,
                    longitude);
            if (!validator.validate(request).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every field");
            }
            api.create(branch, request);
            return pages.seeOther("/buildings");
        } catch (ApiProblem problem) {
            return pages.refused("/buildings", problem);
        }
    }

    @POST
    @Path("/{buildingId}/stewards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response assign(@PathParam("branch") String branch, @PathParam("buildingId") long buildingId,
            @RestForm List<UUID> steward) {
        try {
            api.assignStewards(branch, buildingId, new BuildingResource.StewardAssignment(
                    steward == null ? Set.of() : new HashSet<>(steward)));
            return pages.seeOther("/buildings");
        } catch (ApiProblem problem) {
            return pages.refused("/buildings", problem);
        }
    }
}
