package cn.tongyi.core.member;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.membership.FirstFeePaid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * R-MEMBER-4: when a referred member's first fee is paid, the referrer earns 20 points, in the paying transaction.
 * The ledger key is the referred member: a referral pays once, whatever is retried.
 */
@ApplicationScoped
public class ReferralReward {

    static final long REFERRAL_POINTS = Points.of(20);

    private final LedgerService ledger;

    ReferralReward(LedgerService ledger) {
        this.ledger = ledger;
    }

    void onFirstFee(@Observes FirstFeePaid paid) {
        if (paid.referrerId() == null) {
            return;
        }
        Member referrer = Member.findById(paid.referrerId());
        ledger.post(TransferRequest.issue(TransferKind.REFERRAL, paid.branch().value(), referrer.personId,
                REFERRAL_POINTS, new TransferRequest.Reference("MEMBER", paid.memberId().toString()),
                "referral:" + paid.memberId(), "system"));
    }
}
