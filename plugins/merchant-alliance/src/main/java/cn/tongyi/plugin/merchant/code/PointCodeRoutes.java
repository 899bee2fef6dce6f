package cn.tongyi.plugin.merchant.code;

import static cn.tongyi.plugin.api.BranchRole.MEMBER;

import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.merchant.web.Callers;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's point code (R-MERCHANT-2), in the branch where they shop: points are good across the alliance, so a member
 * of any branch gets one.
 */
public final class PointCodeRoutes {

    private PointCodeRoutes() {
    }

    public static List<Route> routes() {
        return List.of(
                Route.post("/point-codes", Set.of(MEMBER), "A short-lived, single-use point code for the caller",
                        PointCodeRoutes::issue).forAllianceMembers(),
                Route.get("/point-codes/{code}/qr.png", Set.of(MEMBER), "The caller's own point code as a QR code",
                        PointCodeRoutes::qr).forAllianceMembers());
    }

    private static PluginResponse issue(PluginRequest request, PluginContext context) {
        return PluginResponse.created(new PointCodes(context).issue(Callers.of(context).personId()));
    }

    private static PluginResponse qr(PluginRequest request, PluginContext context) {
        Caller caller = Callers.of(context);
        String text = request.pathParameter("code");
        // Another member's code is as unknown as a forged one: the caller learns nothing about it.
        PointCode code = new PointCodes(context).read(text)
                .filter(read -> read.memberId().equals(caller.personId()))
                .orElseThrow(() -> PluginProblem.notFound("code-not-found", "No such point code of yours"));
        if (code.expiredAt(context.time().now().toInstant())) {
            throw PluginProblem.unprocessable("code-expired", "This point code has expired: ask for a new one");
        }
        // A live code is as good as points in hand until it expires: no cache keeps a copy of its image.
        return new PluginResponse(200, null, QrCodes.png(text), "image/png", Map.of("Cache-Control", "no-store"));
    }
}
