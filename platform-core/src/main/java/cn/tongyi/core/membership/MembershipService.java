package cn.tongyi.core.membership;

import cn.tongyi.core.member.Member;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * R-MEMBER-2: a fee buys one year of membership from the day of payment; paying again before the year is over
 * extends it from its end. The fee is branch income in fen. Only an ACTIVE branch takes fees (R-BRANCH-1).
 */
@ApplicationScoped
public class MembershipService {

    private final FeeCollector collector;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;
    private final EntityManager em;
    private final Event<FirstFeePaid> firstFeePaid;

    MembershipService(FeeCollector collector, CurrentBranch currentBranch, BusinessClock clock, EntityManager em,
            Event<FirstFeePaid> firstFeePaid) {
        this.collector = collector;
        this.currentBranch = currentBranch;
        this.clock = clock;
        this.em = em;
        this.firstFeePaid = firstFeePaid;
    }

    public record FeeRecorded(FeePayment payment, Membership membership) {
    }

    @Transactional
    public FeeRecorded payFee(Member member, MembershipType type, FeePayment.Channel channel, String receiptNo,
            String staffUsername) {
        requireActiveBranch();
        if (member.revoked()) {
            throw ApiProblem.conflict("membership-revoked", "This membership was revoked");
        }
        FeeCollector.Receipt receipt = collector.collect(type, channel, receiptNo, staffUsername);
        if (FeePayment.count("channel = ?1 and receiptNo = ?2", receipt.channel(), receipt.receiptNo()) > 0) {
            throw ApiProblem.conflict("receipt-used", "Receipt " + receipt.receiptNo() + " is already recorded");
        }
        boolean firstFee = FeePayment.count("memberId", member.id) == 0;
        OffsetDateTime now = clock.now();
        FeePayment payment = new FeePayment();
        payment.memberId = member.id;
        payment.type = type;
        payment.amountFen = type.feeFen();
        payment.channel = receipt.channel();
        payment.receiptNo = receipt.receiptNo();
        payment.receivedBy = receipt.receivedBy();
        payment.recordedBy = staffUsername;
        payment.paidAt = now;
        payment.persist();

        Membership membership = extend(member, type, payment);
        recordIncome(payment, staffUsername, now);
        if (type.voucherMinutes() > 0) {
            issueVoucher(member, membership, type.voucherMinutes(), now);
        }
        if (firstFee) {
            firstFeePaid.fire(new FirstFeePaid(currentBranch.require(), member.id, member.personId, member.referrerId));
        }
        return new FeeRecorded(payment, membership);
    }

    private Membership extend(Member member, MembershipType type, FeePayment payment) {
        LocalDate today = clock.today();
        LocalDate start = Membership.latest(member.id)
                .filter(m -> m.endsOn.isAfter(today))
                .map(m -> m.endsOn)
                .orElse(today);
        Membership membership = new Membership();
        membership.memberId = member.id;
        membership.type = type;
        membership.startsOn = start;
        membership.endsOn = start.plusYears(1);
        membership.feePaymentId = payment.id;
        membership.foundingBenefit = type == MembershipType.CO_CREATION && isAmongFoundingMembers(member);
        membership.persist();
        return membership;
    }

    /** The first 50 co-creation members of a branch, counted under a row lock so that two payments cannot race. */
    private boolean isAmongFoundingMembers(Member member) {
        if (Membership.count("memberId = ?1 and type = ?2", member.id, MembershipType.CO_CREATION) > 0) {
            return Membership.count("memberId = ?1 and foundingBenefit = true", member.id) > 0;
        }
        Number position = (Number) em.createNativeQuery("""
                UPDATE branch_counter SET value = value + 1 WHERE name = 'co_creation_members' RETURNING value""")
                .getSingleResult();
        return position.longValue() <= MembershipType.FOUNDING_MEMBERS;
    }

    private static void recordIncome(FeePayment payment, String staffUsername, OffsetDateTime now) {
        BranchIncome income = new BranchIncome();
        income.source = "MEMBERSHIP_FEE";
        income.amountFen = payment.amountFen;
        income.reference = "fee_payment:" + payment.id;
        income.description = "会员费 " + payment.type + " (" + payment.channel + " " + payment.receiptNo + ")";
        income.recordedBy = staffUsername;
        income.recordedAt = now;
        income.channel = payment.channel.name();
        income.receivedBy = payment.receivedBy;
        income.persist();
    }

    private static void issueVoucher(Member member, Membership membership, int minutes, OffsetDateTime now) {
        ServiceVoucher voucher = new ServiceVoucher();
        voucher.memberId = member.id;
        voucher.membershipId = membership.id;
        voucher.minutes = minutes;
        voucher.issuedAt = now;
        voucher.persist();
    }

    private void requireActiveBranch() {
        Branch branch = Branch.byCode(currentBranch.require().value()).orElseThrow();
        if (branch.status != BranchStatus.ACTIVE) {
            throw ApiProblem.conflict("branch-not-active", "Only an ACTIVE branch takes fees; this one is " + branch.status);
        }
    }
}
