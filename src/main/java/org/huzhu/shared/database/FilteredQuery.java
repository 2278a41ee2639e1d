package org.huzhu.shared.database;

import java.util.HashMap;
import java.util.Map;

/**
 * A select with the conditions of a list's filters, each added only when its filter was given
 * ({@code and condition}, with its named parameter), ending in the list's order; read with {@link RowStream}.
 */
public final class FilteredQuery {

    private final StringBuilder sql;
    private final Map<String, Object> params = new HashMap<>();

    /** {@code select} ends in a where clause ({@code … where org_path like :scope}) that the conditions extend. */
    public FilteredQuery(String select) {
        this.sql = new StringBuilder(select);
    }

    /** Adds {@code and condition} with {@code value} as {@code :name}, unless the value is null (no filter). */
    public FilteredQuery and(String condition, String name, Object value) {
        if (value == null) return this;
        sql.append(" and ").append(condition);
        params.put(name, value);
        return this;
    }

    /** A parameter the select itself names. */
    public FilteredQuery param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    String sql(String orderBy) {
        return sql + " order by " + orderBy;
    }

    Map<String, Object> params() {
        return params;
    }
}
