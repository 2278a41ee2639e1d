package org.huzhu.shared.audit;

import java.util.List;

/** One page of a log, newest first; {@code hasMore} when rows follow it. */
public record LogPage<T>(List<T> items, int limit, int offset, boolean hasMore) {

    /** The page from rows read with one more than the page holds ({@link LogSearch#limit()} + 1). */
    public static <T> LogPage<T> of(List<T> rowsAndOneMore, LogSearch search) {
        boolean more = rowsAndOneMore.size() > search.limit();
        return new LogPage<>(more ? List.copyOf(rowsAndOneMore.subList(0, search.limit())) : rowsAndOneMore, search.limit(),
                search.offset(), more);
    }
}
