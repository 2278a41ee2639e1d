package org.huzhu.contributions;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.huzhu.shared.Money;

/**
 * What finance's list of declarations holds on all its pages, not only the page shown: how many rows, and their amounts
 * added up exactly. Read from a row of {@code count(*), coalesce(sum(amount), 0)}. (未到账确认's summary says what the
 * bank has not shown too: {@link PaymentTruth.UnconfirmedSummary}.)
 */
record ListSummary(long count, Money amount) {

    static ListSummary of(ResultSet rs, int n) throws SQLException {
        return new ListSummary(rs.getLong(1), new Money(rs.getBigDecimal(2)));
    }
}
