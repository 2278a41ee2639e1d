package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Heir payee changes of deceased members (membership.heir_payee_change) and their application to the member. */
@Repository
class HeirPayeeRepository {

    enum Status { PROPOSED, APPROVED, REJECTED }

    record Change(long id, long memberId, Status status, String payeeName, String relation, String bankName, byte[] accountCipher,
                  String accountMasked, String documentRef, String reason, String proposedBy, Instant proposedAt, String decidedBy,
                  Instant decidedAt) {
    }

    private final JdbcClient jdbc;

    HeirPayeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long memberId, String payeeName, String relation, String bankName, byte[] cipher, String masked, String documentRef,
                String reason, String by) {
        return jdbc.sql("""
                insert into membership.heir_payee_change (member_id, status, payee_name, relation, bank_name, account_cipher, account_masked,
                    document_ref, reason, proposed_by)
                values (?, 'PROPOSED', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(memberId, payeeName, relation, bankName, cipher, masked, documentRef, reason, by).query(Long.class).single();
    }

    Optional<Change> find(long id, boolean lock) {
        return jdbc.sql("select * from membership.heir_payee_change where id = ?" + (lock ? " for update" : "")).param(id)
                .query(HeirPayeeRepository::change).optional();
    }

    boolean open(long memberId) {
        return jdbc.sql("select count(*) from membership.heir_payee_change where member_id = ? and status = 'PROPOSED'").param(memberId)
                .query(Long.class).single() > 0;
    }

    List<Change> ofMember(long memberId) {
        return jdbc.sql("select * from membership.heir_payee_change where member_id = ? order by id desc").param(memberId)
                .query(HeirPayeeRepository::change).list();
    }

    boolean decide(long id, Status status, String by) {
        return jdbc.sql("update membership.heir_payee_change set status = ?, decided_by = ?, decided_at = now() where id = ? and status = 'PROPOSED'")
                .params(status.name(), by, id).update() == 1;
    }

    /** The heir becomes the payee of the member's payouts; payouts to the fresh account are held a while, as after any change. */
    void applyToMember(Change c) {
        jdbc.sql("""
                update membership.member set payee_name = ?, bank_name = ?, bank_account_cipher = ?, bank_account_masked = ?,
                       bank_account_changed_at = now()
                 where id = ?""").params(c.payeeName(), c.bankName(), c.accountCipher(), c.accountMasked(), c.memberId()).update();
    }

    private static Change change(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Change(rs.getLong("id"), rs.getLong("member_id"), Status.valueOf(rs.getString("status")), rs.getString("payee_name"),
                rs.getString("relation"), rs.getString("bank_name"), rs.getBytes("account_cipher"), rs.getString("account_masked"),
                rs.getString("document_ref"), rs.getString("reason"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant());
    }
}
