package cn.tongyi.core.ledger;

import java.util.Objects;

/** One side of a transfer: a person's account, or a system account of the transfer's branch. */
public record Party(AccountType type, Long personId) {

    public Party {
        Objects.requireNonNull(type);
        if ((type == AccountType.MEMBER) != (personId != null)) {
            throw new IllegalArgumentException("A member party has a person id, a system party none");
        }
    }

    public static Party member(long personId) {
        return new Party(AccountType.MEMBER, personId);
    }

    public static Party system(AccountType type) {
        return new Party(type, null);
    }
}
