package cn.tongyi.core.staff;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
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
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/** The branch head's staff: who holds which role (R-BRANCH-3), and a new staff login. */
@Path("/s/{branch}/staff")
@Produces(PageErrors.HTML)
@BranchRoles(Role.BRANCH_HEAD)
public class StaffPage {

    /** The roles a head hands out in the console. */
    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE);

    @TemplateData
    public record Row(String displayName, String username, String roles) {
    }

    @TemplateData
    public record RoleChoice(String name, String label) {
    }

    @Inject
    @Location("staff/staff.html")
    Template staffPage;

    private final StaffService staff;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final PageWrites writes;
    private final Validator validator;
    private final ConsolePages pages;

    StaffPage(StaffService staff, CurrentBranch currentBranch, CallerGrants caller, PageWrites writes,
            Validator validator, ConsolePages pages) {
        this.staff = staff;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.writes = writes;
        this.validator = validator;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public String list(@PathParam("branch") String branch, @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("staff.staff.title");
        List<Row> rows = staff.list(currentBranch.require()).stream().map(s -> new Row(s.displayName(),
                s.username(), s.roles().stream().sorted().map(r -> page.t("staff.role." + r))
                        .collect(Collectors.joining("、")))).toList();
        return staffPage.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("staff", rows)
                .data("roles", STAFF_ROLES.stream().map(r -> new RoleChoice(r.name(), page.t("staff.role." + r)))
                        .toList())
                .data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@PathParam("branch") String branch, @RestForm String idempotencyKey,
            @RestForm String username, @RestForm String displayName, @RestForm String password,
            @RestForm List<String> role) {
        try {
            Set<Role> roles = role == null ? Set.of() : role.stream().map(StaffPage::role)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            NewStaff request = new NewStaff(username == null ? null : username.strip(),
                    displayName == null ? null : displayName.strip(), password, roles);
            if (!validator.validate(request).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every field; pick at least one role");
            }
            return writes.once(idempotencyKey, new Object[] {request.username(), request.displayName(), roles},
                    () -> {
                        staff.create(currentBranch.require(), request, caller.username());
                        return URI.create(pages.base() + "/staff");
                    });
        } catch (ApiProblem problem) {
            return pages.refused("/staff", problem);
        }
    }

    private static Role role(String name) {
        try {
            Role role = Role.valueOf(name);
            if (STAFF_ROLES.contains(role)) {
                return role;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-request", "Not a staff role: " + name);
    }
}
