package cn.tongyi.core.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A dispute of a transfer (R-LEDGER-6): due by the end of {@code dueOn} (3 working days, Asia/Shanghai), overdue after.
 * An accepted dispute names the CORRECTION transfer that decided it.
 */
public record DisputeView(long id, long transferId, String branch, UUID personId, String evidence, String status,
        OffsetDateTime filedAt, LocalDate dueOn, boolean overdue, TransferView transfer, String decidedBy,
        OffsetDateTime decidedAt, String decisionNote, Long correctionTransferId) {
}
