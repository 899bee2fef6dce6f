package cn.tongyi.core.service;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.ledger.EntryView;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.MemberHistory;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.member.MemberWords;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * My points (R-LEDGER-4) as a resident reads them: each entry's day, what it was for (a service given or received, a
 * payment at a merchant, a correction…), the points in or out and the balance after it; the ledger's own history.
 */
@Path("/m/{branch}/points")
@Produces(PageErrors.HTML)
public class MyPointsPage {

    static final int PER_PAGE = 20;

    /** One entry, by its opaque id; {@code in} and {@code out} are point amounts without sign, one of them null. */
    @TemplateData
    public record Row(String id, String day, String what, String in, String out, String balance) {
    }

    @Inject
    @Location("service/points.html")
    Template points;

    private final MemberPages pages;
    private final CurrentPerson me;
    private final LedgerService ledger;
    private final MemberHistory history;
    private final CurrentBranch currentBranch;
    private final OpaqueIds opaqueIds;

    MyPointsPage(MemberPages pages, CurrentPerson me, LedgerService ledger, MemberHistory history,
            CurrentBranch currentBranch, OpaqueIds opaqueIds) {
        this.pages = pages;
        this.me = me;
        this.ledger = ledger;
        this.history = history;
        this.currentBranch = currentBranch;
        this.opaqueIds = opaqueIds;
    }

    @GET
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("cursor") @Size(max = 100) String cursor) {
        Page page = pages.page("member.points.title");
        MemberHistory.Page entries = history.page(me.id(), cursor, PER_PAGE);
        String code = currentBranch.require().value();
        Map<Long, String> services = servicesOf(code, entries.entries(), page);
        long balance = ledger.balance(me.id());
        return points.data("page", page).data("branch", branch)
                .data("balance", Points.format(balance))
                .data("hours", balance / Points.ONE_POINT)
                .data("minutes", Math.abs(balance % Points.ONE_POINT) * 60 / Points.ONE_POINT)
                .data("rows", entries.entries().stream().map(e -> row(e, code, services, page)).toList())
                .data("next", entries.nextCursor()).render();
    }

    private Row row(EntryView entry, String branch, Map<Long, String> services, Page page) {
        boolean in = !entry.points().startsWith("-");
        String amount = in ? entry.points() : entry.points().substring(1);
        return new Row(opaqueIds.seal(OpaqueIds.Kind.TRANSFER, entry.id()), MemberWords.day(page, entry.at()),
                what(entry, in, branch, services, page),
                in ? amount : null, in ? null : amount, entry.balanceAfter());
    }

    private static String what(EntryView entry, boolean in, String branch, Map<Long, String> services, Page page) {
        String kind = "member.points.kind." + entry.kind();
        if (entry.kind() != TransferKind.SERVICE && entry.kind() != TransferKind.SERVICE_PAYMENT) {
            return page.t(kind);
        }
        String service = request(entry, branch).map(services::get)
                .orElseGet(() -> page.t("member.points.elsewhere",
                        Branch.byCode(entry.branch()).map(b -> b.name).orElse(entry.branch())));
        return page.t(in ? "member.points.gave" : "member.points.received", service);
    }

    /** The request of this branch a service entry refers to: its reference is ("SERVICE_REQUEST", "code:id"). */
    private static Optional<Long> request(EntryView entry, String branch) {
        if (entry.reference() == null || !"SERVICE_REQUEST".equals(entry.reference().type())
                || !entry.reference().id().startsWith(branch + ":")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(entry.reference().id().substring(branch.length() + 1)));
    }

    private static Map<Long, String> servicesOf(String branch, List<EntryView> entries, Page page) {
        List<Long> ids = entries.stream().map(e -> request(e, branch)).flatMap(Optional::stream).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = ReviewQueuePage.serviceNames(page);
        return ServiceRequest.<ServiceRequest>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(r -> r.id, r -> names.getOrDefault(r.serviceType, r.serviceType)));
    }
}
