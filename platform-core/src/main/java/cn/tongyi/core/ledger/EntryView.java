package cn.tongyi.core.ledger;

import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a member's history (R-LEDGER-4), from the member's point of view: {@code points} is signed (+ earned,
 * − spent), {@code counterparty} names only the kind of the other account (MEMBER or a branch system account), never
 * another member, and {@code balanceAfter} is the member's balance right after it. Points are decimal strings.
 */
public record EntryView(
        @Opaque(OpaqueIds.Kind.TRANSFER) @Schema(type = SchemaType.STRING) long id,
        OffsetDateTime at, TransferKind kind, String points, String branch, TransferRequest.Reference reference,
        AccountType counterparty, String balanceAfter, String shortfall,
        @Opaque(OpaqueIds.Kind.TRANSFER) @Schema(type = SchemaType.STRING) Long corrects) {
}
