package org.huzhu.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** The appeals (claims.appeal), one per claim at most; each change checks the row's version. */
@Component
class AppealRepository {

    private static final TypeReference<List<Appeal.Figure>> FIGURES = new TypeReference<>() { };
    private static final TypeReference<List<ClaimReviews.ItemAmount>> ITEMS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    AppealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Appeal> find(long claimId) {
        return jdbc.sql("select * from claims.appeal where claim_id = ?").param(claimId).query(AppealRepository::appeal).optional();
    }

    /** A new appeal; false when the claim has one already (the unique claim_id). */
    boolean insert(long claimId, Appeal.Kind kind, String lodgedBy, boolean onBehalf, Instant lodgedAt, String reason,
                   List<Long> documentIds, Appeal.Original original, ReviewLevel level) {
        return jdbc.sql("""
                insert into claims.appeal (claim_id, kind, lodged_by, on_behalf, lodged_at, reason, document_ids, original, level)
                values (?, ?, ?, ?, ?, ?, ?::bigint[], ?::jsonb, ?)
                on conflict (claim_id) do nothing""")
                .params(claimId, kind.name(), lodgedBy, onBehalf, Timestamp.from(lodgedAt), reason, documentIds.toArray(Long[]::new),
                        ClaimRepository.JSON.writeValueAsString(original), level.name())
                .update() == 1;
    }

    /** Changed figures of an appeal against an adjustment, waiting for a second reviewer; false when someone changed the appeal. */
    boolean propose(Appeal a, String by, List<ClaimReviews.ItemAmount> figures) {
        return jdbc.sql("update claims.appeal set proposed_by = ?, proposed = ?::jsonb, version = version + 1 where id = ? and version = ?")
                .params(by, ClaimRepository.JSON.writeValueAsString(figures), a.id(), a.version()).update() == 1;
    }

    /** The decision; false when someone decided or changed the appeal meanwhile. */
    boolean decide(Appeal a, String by, Instant at, Appeal.Outcome outcome, String reason, List<Appeal.Figure> figures,
                   Money supplement) {
        return jdbc.sql("""
                update claims.appeal set decided_by = ?, decided_at = ?, outcome = ?, decision_reason = ?, figures = ?::jsonb,
                       supplement = ?, version = version + 1
                 where id = ? and version = ? and outcome is null""")
                .params(Arrays.asList(by, Timestamp.from(at), outcome.name(), reason, ClaimRepository.JSON.writeValueAsString(figures),
                        new SqlParameterValue(Types.NUMERIC, supplement == null ? null : supplement.amount()), a.id(), a.version()))
                .update() == 1;
    }

    /** A pending appeal in a reviewer's queue, with the little of its claim a queue shows. */
    record Pending(long claimId, long memberId, ClaimStatus status, Appeal.Kind kind, ReviewLevel level, Instant lodgedAt,
                   String lodgedBy, boolean onBehalf, BigDecimal originalTotal, BigDecimal computedTotal) {
    }

    /**
     * The pending appeals of claims inside the scope, at one of the levels, oldest first (by when lodged, then id):
     * {@code limit} of them after the first {@code offset}.
     */
    List<Pending> pending(String scopePattern, List<ReviewLevel> levels, int limit, int offset) {
        return jdbc.sql("""
                select a.claim_id, c.member_id, c.status, a.kind, a.level, a.lodged_at, a.lodged_by, a.on_behalf,
                       coalesce(c.approved_total, 0) as original_total, c.computed_total"""
                        + PENDING_IN_SCOPE + " order by a.lodged_at, a.id limit ? offset ?")
                .params(scopePattern, names(levels), limit, offset)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), ClaimStatus.valueOf(rs.getString(3)),
                        Appeal.Kind.valueOf(rs.getString(4)), ReviewLevel.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                        rs.getString(7), rs.getBoolean(8), rs.getBigDecimal(9), rs.getBigDecimal(10)))
                .list();
    }

    /** How many appeals {@link #pending} lists on all its pages. */
    long countPending(String scopePattern, List<ReviewLevel> levels) {
        return jdbc.sql("select count(*)" + PENDING_IN_SCOPE).params(scopePattern, names(levels)).query(Long.class).single();
    }

    /** The pending appeals, by their parameters: the caller's scope pattern and the levels (their names). */
    private static final String PENDING_IN_SCOPE = """
             from claims.appeal a join claims.claim c on c.id = a.claim_id
            where a.outcome is null and c.org_path like ? and a.level = any (?::text[])""";

    private static String[] names(List<ReviewLevel> levels) {
        return levels.stream().map(Enum::name).toArray(String[]::new);
    }

    private static Appeal appeal(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        String outcome = rs.getString("outcome");
        BigDecimal supplement = rs.getBigDecimal("supplement");
        return new Appeal(rs.getLong("id"), rs.getLong("claim_id"), Appeal.Kind.valueOf(rs.getString("kind")), rs.getString("lodged_by"),
                rs.getBoolean("on_behalf"), rs.getTimestamp("lodged_at").toInstant(), rs.getString("reason"),
                Arrays.asList((Long[]) rs.getArray("document_ids").getArray()),
                ClaimRepository.JSON.readValue(rs.getString("original"), Appeal.Original.class), ReviewLevel.valueOf(rs.getString("level")),
                rs.getString("proposed_by"), rs.getString("proposed") == null ? null : ClaimRepository.JSON.readValue(rs.getString("proposed"), ITEMS), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), outcome == null ? null : Appeal.Outcome.valueOf(outcome),
                rs.getString("decision_reason"), figures(rs.getString("figures")), supplement == null ? null : new Money(supplement),
                rs.getInt("version"));
    }

    private static List<Appeal.Figure> figures(String json) {
        return json == null ? null : ClaimRepository.JSON.readValue(json, FIGURES);
    }
}
