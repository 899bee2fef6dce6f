package cn.tongyi.core.member;

import cn.tongyi.core.building.Building;
import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.staff.ConsolePages;
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
import io.quarkus.qute.TemplateInstance;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Members in the staff console (R-MEMBER-1, 3): the members of my buildings with private data masked, one member's
 * record with its private data shown only on an explicit, reasoned and audited reveal, the printed passbook, and the
 * paper 会员登记表 entered for a resident without a phone.
 */
@Path("/s/{branch}/members")
@Produces(PageErrors.HTML)
public class MembersPage {

    @TemplateData
    public record Row(UUID id, String name, String building, String unit, String phone, String status) {
    }

    @TemplateData
    public record Record(UUID id, String name, String building, String unit, String phone, String idNumber,
            String address, String emergencyContact, String status, boolean inClear, String registeredBy) {
    }

    @TemplateData
    public record BuildingChoice(long id, String name) {
    }

    @Inject
    @Location("member/list.html")
    Template list;

    @Inject
    @Location("member/record.html")
    Template record;

    @Inject
    @Location("member/paper-registration.html")
    Template registrationForm;

    private final MemberResource api;
    private final MemberAccess access;
    private final MemberViews views;
    private final MemberRegistration registration;
    private final PageWrites writes;
    private final CallerGrants caller;
    private final ConsolePages pages;
    private final CurrentBranch currentBranch;
    private final Validator validator;

    MembersPage(MemberResource api, MemberAccess access, MemberViews views, MemberRegistration registration,
            PageWrites writes, CallerGrants caller, ConsolePages pages, CurrentBranch currentBranch,
            Validator validator) {
        this.currentBranch = currentBranch;
        this.validator = validator;
        this.api = api;
        this.access = access;
        this.views = views;
        this.registration = registration;
        this.writes = writes;
        this.caller = caller;
        this.pages = pages;
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(hidden = true)
    public String list(@PathParam("branch") String branch, @QueryParam("cursor") UUID cursor) {
        Page page = pages.page("staff.members.title");
        MemberResource.Page found = api.list(branch, null, cursor, 50);
        List<Row> rows = found.members().stream().map(m -> new Row(m.id(), m.name(),
                m.buildingName() == null ? "—" : m.buildingName(), m.unit() == null ? "—" : m.unit().toString(),
                m.phone() == null ? "—" : m.phone(), page.t("staff.members.status." + m.status()))).toList();
        return list.data("page", page).data("menu", pages.menu()).data("base", pages.base()).data("members", rows)
                .data("api", pages.apiBase())
                .data("next", found.nextCursor()).data("mayRegister", currentBranch.hasAny(Role.STEWARD, Role.BRANCH_HEAD)).render();
    }

    @GET
    @Path("/{memberId}")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(hidden = true)
    public String member(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @QueryParam(ConsolePages.PROBLEM) String problem) {
        Member member = access.find(memberId);
        Page page = pages.page("staff.member.title");
        return show(page, views.list(List.of(member)).get(0), access.caresFor(member))
                .data("problem", pages.problemText(page, problem)).render();
    }

    /** R-MEMBER-3: the private data in clear, for those who care for the member, written to the access log. */
    @POST
    @Path("/{memberId}/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(hidden = true)
    public Response reveal(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @RestForm String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            return pages.refused("/members/" + memberId,
                    ApiProblem.invalidField("reason-required", "reason", "Say why you need the private data"));
        }
        access.requireCareOf(memberId);
        Page page = pages.page("staff.member.title");
        return Response.ok(show(page, api.get(branch, memberId, reason.strip()), true).render()).type(PageErrors.HTML)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/new")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(hidden = true)
    public String registrationForm(@PathParam("branch") String branch,
            @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("staff.register.title");
        Set<Long> mine = access.visibleBuildings();
        List<BuildingChoice> buildings = Building.<Building>listAll().stream()
                .filter(b -> mine == null || mine.contains(b.id)).map(b -> new BuildingChoice(b.id, b.name)).toList();
        return registrationForm.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("buildings", buildings).data("problem", pages.problemText(page, problem)).render();
    }

    /** The paper 会员登记表; the form's key makes a second submission of the same form register no one else. */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(hidden = true)
    public Response register(@PathParam("branch") String branch, @RestForm String idempotencyKey,
            @RestForm String paperFormNo, @RestForm String name, @RestForm String idNumber, @RestForm String phone,
            @RestForm Long buildingId, @RestForm Integer unit, @RestForm String address,
            @RestForm String emergencyName, @RestForm String emergencyPhone) {
        MemberDetails details = new MemberDetails(strip(name), strip(phone), strip(idNumber), buildingId, unit,
                strip(address), strip(emergencyName) == null ? null
                        : new MemberDetails.EmergencyContact(strip(emergencyName), strip(emergencyPhone)));
        String formNo = strip(paperFormNo);
        try {
            if (formNo == null || formNo.length() > 40 || !validator.validate(details).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every required field");
            }
            access.requireCareOfBuilding(buildingId);
            return writes.once(idempotencyKey, new Object[] {formNo, details.idNumber(), details.name()}, () -> {
                Member member = registration.register(details, Optional.empty(), new MemberRegistration.Source(
                        Member.Channel.STEWARD, formNo, caller.username(), null));
                return URI.create(pages.base() + "/members/" + member.id);
            });
        } catch (ApiProblem problem) {
            return pages.refused("/members/new", problem);
        }
    }

    private TemplateInstance show(Page page, MemberView m, boolean mayReveal) {
        String contact = m.emergencyContact() == null ? "—"
                : m.emergencyContact().name() + " " + m.emergencyContact().phone();
        Record shown = new Record(m.id(), m.name(), m.buildingName() == null ? "—" : m.buildingName(),
                m.unit() == null ? "—" : m.unit().toString(), orDash(m.phone()), orDash(m.idNumber()),
                orDash(m.address()), contact, page.t("staff.members.status." + m.status()), m.privateDataInClear(),
                m.registration().enteredBy());
        return record.data("page", page).data("menu", pages.menu()).data("base", pages.base()).data("m", shown)
                .data("api", pages.apiBase())
                .data("mayReveal", mayReveal && !m.privateDataInClear()).data("problem", null);
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
