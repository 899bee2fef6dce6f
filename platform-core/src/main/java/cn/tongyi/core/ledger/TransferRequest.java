package cn.tongyi.core.ledger;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * A posting another domain asks the ledger for. The idempotency key is unique per kind: a second request with the
 * same kind and key returns the first transfer (TigerBeetle-style client-chosen identity); choose keys from the
 * cause, e.g. {@code referral:<referred person id>} or {@code birthday:<person id>:<year>}.
 *
 * @param centiPoints hundredths of a point, &gt; 0 (see {@link Points})
 * @param branch      the branch where it happened
 * @param corrects    the transfer a CORRECTION corrects, else null
 */
public record TransferRequest(TransferKind kind, String branch, Party from, Party to, long centiPoints,
        Reference reference, Long corrects, String idempotencyKey, String createdBy, String note) {

    /**
     * What caused a transfer, e.g. ("PAPER_FORM", "JF-2026-0042") or ("SERVICE_REQUEST", "gulou:981"); clients see
     * sequential ids in it as opaque ids ({@link ShownReference}).
     */
    @JsonSerialize(using = ShownReference.class)
    public record Reference(String type, String id) {
    }

    public TransferRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(createdBy, "createdBy");
        if (centiPoints <= 0) {
            throw new IllegalArgumentException("A transfer moves a positive amount: " + centiPoints);
        }
        if (!kind.allows(from.type(), to.type()) || from.equals(to)) {
            throw new IllegalArgumentException(kind + " cannot move points from " + from + " to " + to);
        }
        if ((kind == TransferKind.CORRECTION) != (corrects != null)) {
            throw new IllegalArgumentException("A CORRECTION, and only a correction, references a corrected transfer");
        }
    }

    /** Points the branch issues to a member: service credit, referral, birthday, promotion bonus, dividend. */
    public static TransferRequest issue(TransferKind kind, String branch, long personId, long centiPoints,
            Reference reference, String idempotencyKey, String createdBy) {
        return new TransferRequest(kind, branch, Party.system(AccountType.ISSUANCE), Party.member(personId),
                centiPoints, reference, null, idempotencyKey, createdBy, null);
    }

    /** A member pays another member (R-SERVICE-6). */
    public static TransferRequest payment(String branch, long fromPersonId, long toPersonId, long centiPoints,
            Reference reference, String idempotencyKey, String createdBy, String note) {
        return new TransferRequest(TransferKind.SERVICE_PAYMENT, branch, Party.member(fromPersonId),
                Party.member(toPersonId), centiPoints, reference, null, idempotencyKey, createdBy, note);
    }

    /** A penalty (R-SERVICE-8, R-COMPLAINT-2). */
    public static TransferRequest penalty(String branch, long personId, long centiPoints, Reference reference,
            String idempotencyKey, String createdBy, String note) {
        return new TransferRequest(TransferKind.PENALTY, branch, Party.member(personId),
                Party.system(AccountType.PENALTY), centiPoints, reference, null, idempotencyKey, createdBy, note);
    }

    /** Points redeemed at a merchant (R-MERCHANT-2). */
    public static TransferRequest redemption(String branch, long personId, long centiPoints, Reference reference,
            String idempotencyKey, String createdBy) {
        return new TransferRequest(TransferKind.REDEMPTION, branch, Party.member(personId),
                Party.system(AccountType.REDEMPTION), centiPoints, reference, null, idempotencyKey, createdBy, null);
    }
}
