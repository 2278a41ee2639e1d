package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberTransferRepository {

    enum Status { REQUESTED, APPROVED, REJECTED, CANCELLED }

    record Transfer(long id, long memberId, Long fromUnitId, String fromPath, long toUnitId, String toPath, Status status,
                    String reason, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decision) {
    }

    private final JdbcClient jdbc;

    MemberTransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long memberId, Long fromUnitId, String fromPath, long toUnitId, String toPath, String reason, String requestedBy) {
        return jdbc.sql("""
                insert into membership.member_transfer (member_id, from_unit_id, from_path, to_unit_id, to_path, status, reason, requested_by)
                values (?, ?, ?, ?, ?, 'REQUESTED', ?, ?) returning id""")
                .params(memberId, fromUnitId, fromPath, toUnitId, toPath, reason, requestedBy).query(Long.class).single();
    }

    boolean openFor(long memberId) {
        return jdbc.sql("select count(*) from membership.member_transfer where member_id = ? and status = 'REQUESTED'")
                .param(memberId).query(Long.class).single() > 0;
    }

    Optional<Transfer> find(long id, boolean lock) {
        return jdbc.sql("select * from membership.member_transfer where id = ?" + (lock ? " for update" : "")).param(id)
                .query(MemberTransferRepository::transfer).optional();
    }

    /**
     * Who looks at the transfers: the caller's scope pattern and user name, and the unit whose transfers out they decide
     * (a unit operator's own unit; null for anyone else).
     */
    record Viewer(String scopePattern, String username, Long decidingUnitId) {
    }

    /** The transfers the viewer sees ({@link #SEEN}), newest first: {@code limit} of them after the first {@code offset}. */
    List<Transfer> seen(Viewer viewer, Status status, int limit, int offset) {
        return jdbc.sql("select *" + SEEN + " order by id desc limit :limit offset :offset").params(seeing(viewer, status))
                .param("limit", limit).param("offset", offset).query(MemberTransferRepository::transfer).list();
    }

    /** How many transfers {@link #seen} lists on all its pages. */
    long countSeen(Viewer viewer, Status status) {
        return jdbc.sql("select count(*)" + SEEN).params(seeing(viewer, status)).query(Long.class).single();
    }

    /**
     * The transfers a viewer sees, {@code MemberTransfers}' rule in SQL: those into their scope, and those out of it that
     * they asked for or, as the old unit's operator, decide (an office that decides holds both units: the new one too).
     */
    private static final String SEEN = """
             from membership.member_transfer
            where (to_path like :scope or (from_path like :scope and (requested_by = :username or from_unit_id = :decidingUnit)))
              and (cast(:status as text) is null or status = :status)""";

    private static Map<String, Object> seeing(Viewer viewer, Status status) {
        Map<String, Object> params = new HashMap<>();
        params.put("scope", viewer.scopePattern());
        params.put("username", viewer.username());
        params.put("decidingUnit", viewer.decidingUnitId());
        params.put("status", status == null ? null : status.name());
        return params;
    }

    boolean decide(long id, Status status, String by, String decision) {
        return jdbc.sql("""
                update membership.member_transfer set status = ?, decided_by = ?, decided_at = now(), decision = ?
                 where id = ? and status = 'REQUESTED'""")
                .params(status.name(), by, decision, id).update() == 1;
    }

    private static Transfer transfer(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Transfer(rs.getLong("id"), rs.getLong("member_id"), rs.getObject("from_unit_id", Long.class), rs.getString("from_path"),
                rs.getLong("to_unit_id"), rs.getString("to_path"), Status.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision"));
    }
}
