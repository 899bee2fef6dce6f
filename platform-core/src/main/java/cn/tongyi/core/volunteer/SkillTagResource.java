package cn.tongyi.core.volunteer;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The branch-editable list of skill tags (R-VOL-2). Tags are retired, not deleted, so old records keep them. */
@Path("/api/branches/{branch}/skill-tags")
@Tag(name = "Volunteers")
public class SkillTagResource {

    public record NewTag(@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,29}$") String code,
            @NotBlank @Size(max = 30) String nameZh, @NotBlank @Size(max = 40) String nameEn) {
    }

    public record TagView(String code, String nameZh, String nameEn) {
    }

    @GET
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    public List<TagView> list(@PathParam("branch") String branch) {
        return SkillTag.<SkillTag>list("active = true", Sort.by("code")).stream()
                .map(t -> new TagView(t.code, t.nameZh, t.nameEn)).toList();
    }

    @POST
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    public RestResponse<TagView> add(@PathParam("branch") String branch, @Valid @NotNull NewTag tag) {
        SkillTag existing = SkillTag.findById(tag.code());
        if (existing != null && existing.active) {
            throw ApiProblem.conflict("skill-exists", "Skill tag " + tag.code() + " exists");
        }
        SkillTag stored = existing != null ? existing : new SkillTag();
        stored.code = tag.code();
        stored.nameZh = tag.nameZh().strip();
        stored.nameEn = tag.nameEn().strip();
        stored.active = true;
        stored.persist();
        return RestResponse.status(RestResponse.Status.CREATED, new TagView(stored.code, stored.nameZh, stored.nameEn));
    }

    @DELETE
    @Path("/{code}")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    public RestResponse<Void> retire(@PathParam("branch") String branch, @PathParam("code") String code) {
        SkillTag tag = SkillTag.<SkillTag>findByIdOptional(code)
                .orElseThrow(() -> ApiProblem.notFound("skill-not-found", "No skill tag " + code));
        tag.active = false;
        return RestResponse.noContent();
    }
}
