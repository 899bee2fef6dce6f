package cn.tongyi.tenant.hq;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.provisioning.BranchProvisioner;
import cn.tongyi.tenant.provisioning.HeadAccount;
import cn.tongyi.tenant.provisioning.NewBranch;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.setup.SetupChecklist;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The HQ console's branches (R-BRANCH-1..3): every branch with its status and set-up progress, and the onboarding
 * form, which runs the same saga as {@code POST /api/admin/branches}. Submitting the same form twice onboards once:
 * the second finds the branch it would create already there and goes to the list; a code taken by another branch is
 * refused on the form.
 */
@Path("/hq")
@RolesAllowed("HQ_ADMIN")
@Produces(PageErrors.HTML)
public class HqBranchesPage {

    @Inject
    @Location("hq/branches.html")
    Template list;

    @Inject
    @Location("hq/onboard.html")
    Template form;

    private final BranchProvisioner provisioner;
    private final SetupChecklist checklist;
    private final PageContext pages;
    private final CallerGrants caller;
    private final Validator validator;

    HqBranchesPage(BranchProvisioner provisioner, SetupChecklist checklist, PageContext pages, CallerGrants caller,
            Validator validator) {
        this.provisioner = provisioner;
        this.checklist = checklist;
        this.pages = pages;
        this.caller = caller;
        this.validator = validator;
    }

    /** The fields of the onboarding form, as typed (the password is never sent back). */
    public record OnboardForm(String code, String name, String address, String headUsername, String headName) {
    }

    @GET
    @Operation(hidden = true)
    public String branches(@QueryParam("onboarded") String onboarded) {
        List<Branch> branches = Branch.listAll(Sort.by("code"));
        Map<String, SetupChecklist.Progress> progress = checklist.progress(branches);
        return list.data("page", page("hq.branches.title"))
                .data("branches", branches.stream().map(b -> BranchView.of(b, progress.get(b.code))).toList())
                .data("onboarded", onboarded)
                .render();
    }

    @GET
    @Path("/branches/new")
    @Operation(hidden = true)
    public String onboardForm() {
        return renderForm(new OnboardForm("", "", "", "", ""), Set.of(), null);
    }

    @POST
    @Path("/branches")
    @Operation(hidden = true)
    public Response onboard(@RestForm String code, @RestForm String name, @RestForm String address,
            @RestForm String headUsername, @RestForm String headName, @RestForm String headPassword) {
        OnboardForm typed = new OnboardForm(trim(code), trim(name), trim(address), trim(headUsername), trim(headName));
        NewBranch request = new NewBranch(typed.code(), typed.name(), typed.address(),
                new HeadAccount(typed.headUsername(), typed.headName(), headPassword));
        Set<String> wrong = new TreeSet<>();
        for (ConstraintViolation<NewBranch> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            wrong.add(switch (field) {
                case "head.username" -> "headUsername";
                case "head.displayName" -> "headName";
                case "head.password" -> "headPassword";
                default -> field;
            });
        }
        if (!wrong.isEmpty()) {
            return Response.status(400).entity(renderForm(typed, wrong, null)).build();
        }
        try {
            provisioner.onboard(request, caller.username());
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            boolean sameAgain = Branch.byCode(typed.code())
                    .filter(b -> b.name.equals(typed.name()) && b.address.equals(typed.address())).isPresent();
            if (!sameAgain) {
                return Response.status(409).entity(renderForm(typed, Set.of("code"), "hq.onboard.codeTaken")).build();
            }
        }
        return Response.seeOther(URI.create("/hq?onboarded=" + URLEncoder.encode(typed.code(),
                StandardCharsets.UTF_8))).build();
    }

    private String renderForm(OnboardForm typed, Set<String> wrong, String errorKey) {
        Page page = page("hq.onboard.title").shownAt("/hq/branches/new");
        return form.data("page", page)
                .data("typed", typed)
                .data("wrong", wrong)
                .data("error", errorKey != null ? page.t(errorKey) : wrong.isEmpty() ? null : page.t("hq.onboard.fix"))
                .render();
    }

    private Page page(String titleKey) {
        return pages.page(titleKey, false, caller.username());
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
