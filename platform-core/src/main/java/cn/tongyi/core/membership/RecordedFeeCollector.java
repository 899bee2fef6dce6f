package cn.tongyi.core.membership;

import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fees staff have received and record by hand: cash handed to the steward or finance officer (who is recorded as
 * the receiver, R-FIN-1), or an online transfer identified by its receipt number.
 */
@ApplicationScoped
public class RecordedFeeCollector implements FeeCollector {

    @Override
    public Receipt collect(MembershipType type, FeePayment.Channel channel, String receiptNo, String staffUsername) {
        if (receiptNo == null || receiptNo.isBlank()) {
            throw ApiProblem.badRequest("receipt-required", "A fee needs the receipt number");
        }
        String receivedBy = channel == FeePayment.Channel.CASH ? staffUsername : null;
        return new Receipt(channel, receiptNo.strip(), receivedBy);
    }
}
