package org.huzhu.shared.database;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Rows turned into columns: one array a column, in the rows' order, for a statement that inserts them through {@code unnest}. */
public final class Columns {

    private Columns() {
    }

    /** The column {@code value} takes of each row, as an array made by {@code make} ({@code String[]::new} …). */
    public static <R, T> T[] of(List<R> rows, Function<R, T> value, IntFunction<T[]> make) {
        T[] column = make.apply(rows.size());
        for (int i = 0; i < column.length; i++) column[i] = value.apply(rows.get(i));
        return column;
    }
}
