package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.PostedTransfer;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.plugin.api.LedgerPort;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import java.util.UUID;

/**
 * A plugin's redemptions (R-MERCHANT-2, R-LEDGER-8: points leave a member for a redemption they presented), in the
 * call's branch and transaction. Keys are the plugin's own, namespaced by its id. A short balance is refused without
 * telling it: the merchant at the till has no business knowing a member's points.
 */
class PluginLedger implements LedgerPort {

    private final LedgerService ledger;
    private final PersonIds personIds;
    private final String pluginId;
    private final BranchCode branch;
    private final boolean branchActive;
    private final String actor;

    PluginLedger(LedgerService ledger, PersonIds personIds, String pluginId, BranchCode branch, boolean branchActive,
            String actor) {
        this.ledger = ledger;
        this.personIds = personIds;
        this.pluginId = pluginId;
        this.branch = branch;
        this.branchActive = branchActive;
        this.actor = actor;
    }

    @Override
    public Redemption redeem(UUID memberId, long centiPoints, String reference, String idempotencyKey) {
        if (!branchActive) {
            throw PluginProblem.conflict("branch-not-active", "Only an ACTIVE branch takes redemptions");
        }
        long member = personIds.internalId(memberId)
                .orElseThrow(() -> PluginProblem.notFound("member-not-found", "No member " + memberId));
        try {
            PostedTransfer posted = ledger.post(TransferRequest.redemption(branch.value(), member, centiPoints,
                    new TransferRequest.Reference(pluginId, reference), "plugin:" + pluginId + ":" + idempotencyKey,
                    actor));
            return new Redemption(posted.id(), posted.amount(), posted.createdAt(), posted.replayed());
        } catch (ApiProblem problem) {
            if ("insufficient-points".equals(problem.slug())) {
                throw PluginProblem.conflict("insufficient-points", "The member's points do not cover this");
            }
            throw problem;
        }
    }
}
