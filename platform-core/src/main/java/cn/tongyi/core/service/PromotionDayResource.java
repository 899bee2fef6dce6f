package cn.tongyi.core.service;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The branch's promotion days (R-SERVICE-10), set by the branch head. */
@Path("/api/branches/{branch}/promotion-days")
@Tag(name = "Service requests")
public class PromotionDayResource {

    public record Promotion(@NotNull @Min(2) @Max(10) Integer multiplier, @NotBlank @Size(max = 60) String name) {
    }

    public record PromotionView(LocalDate day, int multiplier, String name) {
    }

    private final CallerGrants caller;
    private final BusinessClock clock;

    PromotionDayResource(CallerGrants caller, BusinessClock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    public List<PromotionView> list(@PathParam("branch") String branch) {
        return PromotionDay.<PromotionDay>listAll(Sort.by("day")).stream().map(PromotionDayResource::view).toList();
    }

    @PUT
    @Transactional
    @Path("/{day}")
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Make a day a promotion day: services started that day earn multiplier × the points")
    public PromotionView set(@PathParam("branch") String branch, @PathParam("day") LocalDate day,
            @Valid @NotNull Promotion promotion) {
        PromotionDay promotionDay = PromotionDay.<PromotionDay>findByIdOptional(day).orElseGet(() -> {
            PromotionDay created = new PromotionDay();
            created.day = day;
            return created;
        });
        promotionDay.multiplier = promotion.multiplier();
        promotionDay.name = promotion.name().strip();
        promotionDay.setBy = caller.username();
        promotionDay.setAt = clock.now();
        promotionDay.persist();
        return view(promotionDay);
    }

    private static PromotionView view(PromotionDay day) {
        return new PromotionView(day.day, day.multiplier, day.name);
    }
}
