package cn.tongyi.plugin.merchant.handbook;

import static cn.tongyi.plugin.api.BranchRole.MEMBER;

import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.merchant.web.Callers;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The member discount handbook (R-MERCHANT-4), as JSON and as a printable PDF. */
public final class HandbookRoutes {

    private HandbookRoutes() {
    }

    public static List<Route> routes() {
        Set<BranchRole> readers = new HashSet<>(Callers.STAFF);
        readers.add(MEMBER);
        return List.of(
                Route.get("/handbook", readers, "The member discount handbook (scope=branch|alliance)",
                        HandbookRoutes::json).forAllianceMembers(),
                Route.get("/handbook.pdf", readers, "The member discount handbook as a printable PDF",
                        HandbookRoutes::pdf).forAllianceMembers());
    }

    private static PluginResponse json(PluginRequest request, PluginContext context) {
        return PluginResponse.ok(handbook(request, context));
    }

    private static PluginResponse pdf(PluginRequest request, PluginContext context) {
        Handbook handbook = handbook(request, context);
        return PluginResponse.bytes("application/pdf", HandbookPdf.render(handbook, request.prefersEnglish()),
                "handbook-" + handbook.scope().name().toLowerCase(Locale.ROOT) + "-" + handbook.date()
                        + ".pdf");
    }

    private static Handbook handbook(PluginRequest request, PluginContext context) {
        return Handbooks.of(context, HandbookScope.parse(request.queryParameter("scope")), request.prefersEnglish());
    }
}
