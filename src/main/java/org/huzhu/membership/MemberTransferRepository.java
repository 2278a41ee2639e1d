package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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

    /** Transfers into or out of the scope, newest first. */
    List<Transfer> touching(String scopePattern, Status status, int limit) {
        return jdbc.sql("""
                select * from membership.member_transfer
                 where (to_path like ? or from_path like ?) and (?::text is null or status = ?)
                 order by id desc limit ?""")
                .params(scopePattern, scopePattern, status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(MemberTransferRepository::transfer).list();
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
