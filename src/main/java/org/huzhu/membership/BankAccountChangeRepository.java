package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of a member's payout account (membership.bank_account_change) and its application to the member. */
@Repository
class BankAccountChangeRepository {

    enum Status { PROPOSED, APPROVED, REJECTED }

    record Change(long id, long memberId, Status status, boolean byMember, String oldBankName, String oldMasked, String newBankName,
                  String newMasked, byte[] newCipher, String reason, String evidence, String proposedBy, Instant proposedAt,
                  String decidedBy, Instant decidedAt) {
    }

    record NewChange(long memberId, Status status, boolean byMember, String oldBankName, String oldMasked, String newBankName,
                     String newMasked, byte[] newCipher, String reason, String evidence, String by) {
    }

    private final JdbcClient jdbc;

    BankAccountChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewChange c) {
        boolean decided = c.status() != Status.PROPOSED;
        return jdbc.sql("""
                insert into membership.bank_account_change (member_id, status, by_member, old_bank_name, old_masked, new_bank_name,
                    new_masked, new_cipher, reason, evidence, proposed_by, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end) returning id""")
                .params(c.memberId(), c.status().name(), c.byMember(), c.oldBankName(), c.oldMasked(), c.newBankName(), c.newMasked(),
                        c.newCipher(), c.reason(), c.evidence(), c.by(), decided ? c.by() : null, decided)
                .query(Long.class).single();
    }

    Optional<Change> find(long id, boolean lock) {
        return jdbc.sql("select * from membership.bank_account_change where id = ?" + (lock ? " for update" : "")).param(id)
                .query(BankAccountChangeRepository::change).optional();
    }

    Optional<Change> open(long memberId) {
        return jdbc.sql("select * from membership.bank_account_change where member_id = ? and status = 'PROPOSED' for update")
                .param(memberId).query(BankAccountChangeRepository::change).optional();
    }

    List<Change> ofMember(long memberId) {
        return jdbc.sql("select * from membership.bank_account_change where member_id = ? order by id desc").param(memberId)
                .query(BankAccountChangeRepository::change).list();
    }

    /** Closes a proposal; {@code old*}: the account it replaces as it stands now. */
    boolean decide(long id, Status status, String by, String oldBankName, String oldMasked) {
        return jdbc.sql("""
                update membership.bank_account_change set status = ?, decided_by = ?, decided_at = now(),
                       old_bank_name = coalesce(?, old_bank_name), old_masked = coalesce(?, old_masked)
                 where id = ? and status = 'PROPOSED'""")
                .params(status.name(), by, oldBankName, oldMasked, id).update() == 1;
    }

    /**
     * Makes the change's account the member's payout account. When it replaces another account the
     * member's {@code bank_account_changed_at} is set: payouts to it are held for a while.
     */
    void applyToMember(long memberId, String bankName, byte[] cipher, String masked, boolean replacesAnother) {
        jdbc.sql("""
                update membership.member set bank_name = ?, bank_account_cipher = ?, bank_account_masked = ?,
                       bank_account_changed_at = case when ? then now() else bank_account_changed_at end
                 where id = ?""")
                .params(bankName, cipher, masked, replacesAnother, memberId).update();
    }

    private static Change change(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Change(rs.getLong("id"), rs.getLong("member_id"), Status.valueOf(rs.getString("status")), rs.getBoolean("by_member"),
                rs.getString("old_bank_name"), rs.getString("old_masked"), rs.getString("new_bank_name"), rs.getString("new_masked"),
                rs.getBytes("new_cipher"), rs.getString("reason"), rs.getString("evidence"), rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"), decided == null ? null : decided.toInstant());
    }
}
