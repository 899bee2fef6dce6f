package cn.tongyi.core.member;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.notification.Notification;
import cn.tongyi.core.volunteer.Volunteer;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The member app's start page: my points in plain words, and the way to everything else. */
@Path("/m/{branch}")
@Produces(PageErrors.HTML)
public class MemberHomePage {

    @Inject
    @Location("member/home.html")
    Template home;

    private final MemberPages pages;
    private final CurrentPerson me;
    private final LedgerService ledger;
    private final CurrentBranch currentBranch;

    MemberHomePage(MemberPages pages, CurrentPerson me, LedgerService ledger, CurrentBranch currentBranch) {
        this.pages = pages;
        this.me = me;
        this.ledger = ledger;
        this.currentBranch = currentBranch;
    }

    @GET
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String home(@PathParam("branch") String branch) {
        long balance = ledger.balance(me.id());
        return home.data("page", pages.page("member.home.title"))
                .data("branch", branch)
                .data("points", Points.format(balance))
                .data("hours", balance / Points.ONE_POINT)
                .data("minutes", Math.abs(balance % Points.ONE_POINT) * 60 / Points.ONE_POINT)
                .data("volunteer", isVolunteer())
                .data("unread", Notification.count("personId = ?1 and readAt is null", me.id()))
                .render();
    }

    /** A certified volunteer: by the token, or certified since the token was issued (it then holds MEMBER only). */
    private boolean isVolunteer() {
        if (currentBranch.has(Role.VOLUNTEER)) {
            return true;
        }
        return Member.<Member>find("personId", me.id()).firstResultOptional()
                .flatMap(m -> Volunteer.<Volunteer>findByIdOptional(m.id)).map(v -> v.certifiedAt != null)
                .orElse(false);
    }
}
