package cn.tongyi.core.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: query {@code limit + 1} rows, and the extra row, if it came, says that more
 * follow; the next cursor is the key of the last row shown.
 */
public record Slice<T>(List<T> items, boolean more) {

    public static <T> Slice<T> of(List<T> rowsFetchedWithOneExtra, int limit) {
        boolean more = rowsFetchedWithOneExtra.size() > limit;
        return new Slice<>(more ? rowsFetchedWithOneExtra.subList(0, limit) : rowsFetchedWithOneExtra, more);
    }

    public <C> C nextCursor(Function<T, C> keyOf) {
        return more ? keyOf.apply(items.get(items.size() - 1)) : null;
    }
}
