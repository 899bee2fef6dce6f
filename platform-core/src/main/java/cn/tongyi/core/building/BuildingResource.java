package cn.tongyi.core.building;

import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The buildings of a branch and the stewards who look after them. */
@Path("/api/branches/{branch}/buildings")
@Tag(name = "Buildings")
@BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
public class BuildingResource {

    public record BuildingRequest(
            @NotBlank @Size(max = 60) String name,
            @NotNull @Min(1) @Max(99) Integer units,
            @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {
    }

    /** A building and the public ids of its stewards. */
    public record BuildingView(Long id, String name, int units, BigDecimal latitude, BigDecimal longitude,
            Set<UUID> stewardIds) {
    }

    public record StewardAssignment(@NotNull Set<@NotNull UUID> stewardIds) {
    }

    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final PersonIds personIds;

    BuildingResource(CurrentBranch currentBranch, CallerGrants caller, PersonIds personIds) {
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.personIds = personIds;
    }

    @GET
    public List<BuildingView> list(@PathParam("branch") String branch) {
        return Building.<Building>listAll(Sort.by("name")).stream().map(this::view).toList();
    }

    @POST
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Add a building")
    public RestResponse<BuildingView> create(@PathParam("branch") String branch,
            @Valid @NotNull BuildingRequest request) {
        if (Building.count("name", request.name().strip()) > 0) {
            throw ApiProblem.conflict("building-exists", "A building named " + request.name() + " exists");
        }
        Building building = new Building();
        apply(building, request);
        building.createdAt = OffsetDateTime.now();
        building.persist();
        return RestResponse.ResponseBuilder.<BuildingView>created(
                URI.create("/api/branches/" + branch + "/buildings/" + building.id))
                .entity(view(building)).build();
    }

    @PUT
    @Path("/{buildingId}")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    public BuildingView update(@PathParam("branch") String branch, @PathParam("buildingId") Long buildingId,
            @Valid @NotNull BuildingRequest request) {
        Building building = find(buildingId);
        apply(building, request);
        return view(building);
    }

    @PUT
    @Path("/{buildingId}/stewards")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Set the stewards of a building; each must hold the STEWARD role in the branch")
    public BuildingView assignStewards(@PathParam("branch") String branch, @PathParam("buildingId") Long buildingId,
            @Valid @NotNull StewardAssignment assignment) {
        Building building = find(buildingId);
        String code = currentBranch.require().value();
        List<Long> stewards = assignment.stewardIds().stream().map(publicId -> personIds.internalId(publicId)
                .filter(personId -> RoleGrant.rolesOf(personId, code).contains(Role.STEWARD))
                .orElseThrow(() -> ApiProblem.unprocessable("not-a-steward",
                        "Person " + publicId + " is no steward of this branch")))
                .toList();
        BuildingSteward.delete("buildingId", building.id);
        for (Long personId : stewards) {
            BuildingSteward steward = new BuildingSteward();
            steward.buildingId = building.id;
            steward.personId = personId;
            steward.assignedBy = caller.username();
            steward.assignedAt = OffsetDateTime.now();
            steward.persist();
        }
        return view(building);
    }

    private BuildingView view(Building b) {
        return new BuildingView(b.id, b.name, b.units, b.latitude, b.longitude,
                new TreeSet<>(personIds.publicIds(BuildingSteward.stewardsOf(b.id)).values()));
    }

    static Building find(Long id) {
        return Building.<Building>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("building-not-found", "No building " + id));
    }

    private static void apply(Building building, BuildingRequest request) {
        building.name = request.name().strip();
        building.units = request.units();
        building.latitude = request.latitude();
        building.longitude = request.longitude();
    }
}
