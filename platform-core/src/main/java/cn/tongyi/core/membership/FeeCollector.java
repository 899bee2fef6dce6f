package cn.tongyi.core.membership;

/**
 * The payment step of a membership fee. Today staff record what they received (cash at the desk, or an online
 * transfer with its receipt number); a payment gateway implementation can confirm online payments itself later.
 */
public interface FeeCollector {

    /** What was received and who vouches for it. */
    record Receipt(FeePayment.Channel channel, String receiptNo, String receivedBy) {
    }

    /** Confirms the fee of {@code type} was received as described, or refuses with a problem. */
    Receipt collect(MembershipType type, FeePayment.Channel channel, String receiptNo, String staffUsername);
}
