package cn.tongyi.core.member;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The branch's benefit table per member level (R-MEMBER-6), edited by the branch head. */
@Path("/api/branches/{branch}/level-benefits")
@Tag(name = "Members")
public class LevelBenefitResource {

    public record Row(@NotNull @Min(1) @Max(100) Integer level, @NotBlank @Size(max = 500) String benefitsZh,
            @NotBlank @Size(max = 500) String benefitsEn) {
    }

    @GET
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    public List<Row> list(@PathParam("branch") String branch) {
        return LevelBenefit.<LevelBenefit>listAll(Sort.by("level")).stream()
                .map(b -> new Row(b.level, b.benefitsZh, b.benefitsEn)).toList();
    }

    @PUT
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Replace the benefit table")
    public List<Row> replace(@PathParam("branch") String branch, @NotNull @Size(max = 100) List<@Valid @NotNull Row> rows) {
        if (rows.stream().map(Row::level).distinct().count() != rows.size()) {
            throw ApiProblem.invalidField("duplicate-level", "level", "Each level appears once");
        }
        LevelBenefit.deleteAll();
        for (Row row : rows) {
            LevelBenefit benefit = new LevelBenefit();
            benefit.level = row.level();
            benefit.benefitsZh = row.benefitsZh().strip();
            benefit.benefitsEn = row.benefitsEn().strip();
            benefit.persist();
        }
        return list(branch);
    }
}
