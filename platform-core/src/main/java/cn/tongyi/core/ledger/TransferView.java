package cn.tongyi.core.ledger;

import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.web.BusinessClock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A transfer as branch staff see it: both sides by account type and, for members, the person's public id; points as
 * decimal strings.
 */
public record TransferView(
        @Opaque(OpaqueIds.Kind.TRANSFER) @Schema(type = SchemaType.STRING) long id,
        TransferKind kind, String branch, AccountType fromAccount, UUID fromPersonId, AccountType toAccount,
        UUID toPersonId, String points, String shortfall, TransferRequest.Reference reference,
        @Opaque(OpaqueIds.Kind.TRANSFER) @Schema(type = SchemaType.STRING) Long corrects,
        OffsetDateTime at, String createdBy, String note) {

    public static TransferView of(PostedTransfer t, PersonIds ids) {
        return new TransferView(t.id(), t.kind(), t.branch(), t.from().type(), publicId(t.from(), ids),
                t.to().type(), publicId(t.to(), ids), Points.format(t.amount()), Points.format(t.shortfall()),
                t.reference(), t.corrects(), t.createdAt().atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime(),
                t.createdBy(), t.note());
    }

    private static UUID publicId(Party party, PersonIds ids) {
        return party.personId() == null ? null : ids.publicId(party.personId());
    }
}
