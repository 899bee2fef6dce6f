package cn.tongyi.core.ledger;

import cn.tongyi.web.BusinessClock;
import java.time.OffsetDateTime;

/** A transfer as branch staff see it: both sides by account type and person id, points as decimal strings. */
public record TransferView(long id, TransferKind kind, String branch, AccountType fromAccount, Long fromPersonId,
        AccountType toAccount, Long toPersonId, String points, String shortfall, TransferRequest.Reference reference,
        Long corrects, OffsetDateTime at, String createdBy, String note) {

    static TransferView of(PostedTransfer t) {
        return new TransferView(t.id(), t.kind(), t.branch(), t.from().type(), t.from().personId(), t.to().type(),
                t.to().personId(), Points.format(t.amount()), Points.format(t.shortfall()), t.reference(),
                t.corrects(), t.createdAt().atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime(), t.createdBy(),
                t.note());
    }
}
