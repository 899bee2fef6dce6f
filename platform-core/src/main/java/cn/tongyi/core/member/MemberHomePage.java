package cn.tongyi.core.member;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.identity.Person;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The member app's start page: my points in plain words, and the way to everything else. */
@Path("/m/{branch}")
@Produces(PageErrors.HTML)
public class MemberHomePage {

    /** 60 and over: elder mode (长辈版) is on until the member switches it off. */
    static final int ELDER_AGE = 60;

    @Inject
    @Location("member/home.html")
    Template home;

    private final PageContext pages;
    private final CurrentPerson me;
    private final LedgerService ledger;
    private final BusinessClock clock;

    MemberHomePage(PageContext pages, CurrentPerson me, LedgerService ledger, BusinessClock clock) {
        this.pages = pages;
        this.me = me;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GET
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String home(@PathParam("branch") String branch) {
        Person person = me.require();
        long balance = ledger.balance(person.id);
        Page page = memberPage("member.home.title", person);
        return home.data("page", page)
                .data("branch", branch)
                .data("points", Points.format(balance))
                .data("hours", balance / Points.ONE_POINT)
                .data("minutes", Math.abs(balance % Points.ONE_POINT) * 60 / Points.ONE_POINT)
                .render();
    }

    /** A member page: elder mode by default for members of {@value #ELDER_AGE} and over. */
    public Page memberPage(String titleKey, Person person) {
        Optional<Member> member = Member.find("personId", person.id).firstResultOptional();
        LocalDate today = clock.today();
        boolean elder = member.map(m -> !m.birthDate.plusYears(ELDER_AGE).isAfter(today)).orElse(false);
        return pages.page(titleKey, elder, person.displayName);
    }
}
