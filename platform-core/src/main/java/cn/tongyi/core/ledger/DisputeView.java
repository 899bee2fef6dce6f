package cn.tongyi.core.ledger;

import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dispute of a transfer (R-LEDGER-6): due by the end of {@code dueOn} (3 working days, Asia/Shanghai), overdue after.
 * An accepted dispute names the CORRECTION transfer that decided it.
 */
public record DisputeView(
        @Opaque(OpaqueIds.Kind.DISPUTE) @Schema(type = SchemaType.STRING) long id,
        @Opaque(OpaqueIds.Kind.TRANSFER) @Schema(type = SchemaType.STRING) long transferId,
        String branch, UUID personId, String evidence, String status, OffsetDateTime filedAt, LocalDate dueOn,
        boolean overdue, TransferView transfer, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
        @Opaque(OpaqueIds.Kind.TRANSFER) @Schema(type = SchemaType.STRING) Long correctionTransferId) {
}
