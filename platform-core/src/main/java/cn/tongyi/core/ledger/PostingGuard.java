package cn.tongyi.core.ledger;

import cn.tongyi.web.ApiProblem;
import java.util.Optional;

/**
 * A write of the record a posting settles (a service order's paid points, say), made in the same statement as the
 * posting: the transfer is written only if the guard's UPDATE changed a row, and neither is written otherwise. This
 * keeps a guarded posting at the round trips of any other (ADR 8). A replayed posting does not run its guard again.
 */
public interface PostingGuard {

    /** An {@code UPDATE … RETURNING 1} on a schema-qualified table, whose parameters are {@link #parameters()}. */
    String update();

    Object[] parameters();

    /**
     * Why the guard does not (or would not) pass now, if it does not. Asked when it failed, and before a posting is
     * refused for a short balance, so that a refusal never tells the balance of someone the guard would refuse.
     */
    Optional<ApiProblem> refusal();
}
