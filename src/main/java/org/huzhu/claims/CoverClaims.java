package org.huzhu.claims;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.membership.ClaimsOnCover;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Membership asks, before a cancellation, which claims are paid or pending on the cover (see {@link ClaimsOnCover}). */
@Component
class CoverClaims implements ClaimsOnCover {

    /** Filed and not finished without money: everything but drafts, rejections and withdrawals. */
    private static final String[] BLOCKING = java.util.Arrays.stream(ClaimStatus.values())
            .filter(s -> s != ClaimStatus.DRAFT && s != ClaimStatus.REJECTED && s != ClaimStatus.WITHDRAWN)
            .map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;

    CoverClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> blocking(long memberId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select id, status from claims.claim
                 where member_id = ? and status = any(?) and incident_date between ? and ? order by id""")
                .params(memberId, BLOCKING, from, to)
                .query((rs, n) -> "申领 #" + rs.getLong(1) + "（" + ClaimStatus.valueOf(rs.getString(2)).chinese() + "）")
                .list();
    }
}
