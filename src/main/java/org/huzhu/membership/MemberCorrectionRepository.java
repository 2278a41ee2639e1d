package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Gender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Corrections of members' personal details (membership.member_correction) and their application to the member. */
@Repository
class MemberCorrectionRepository {

    enum Status { PROPOSED, APPROVED, REJECTED }

    /** A correction; a {@code new*} value is null when that detail is not corrected. */
    record Correction(long id, long memberId, Status status, String oldName, String newName, String oldIdMasked, String newIdMasked,
                      byte[] newIdCipher, byte[] newIdHash, Gender newGender, LocalDate newBirthDate, EmploymentForm oldForm,
                      EmploymentForm newForm, String reason, String evidence, String proposedBy, Instant proposedAt, String decidedBy,
                      Instant decidedAt, String decisionNote) {
    }

    private final JdbcClient jdbc;

    MemberCorrectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Correction c) {
        return jdbc.sql("""
                insert into membership.member_correction (member_id, status, old_name, new_name, old_id_masked, new_id_masked, new_id_cipher,
                    new_id_hash, new_gender, new_birth_date, old_employment_form, new_employment_form, reason, evidence, proposed_by)
                values (?, 'PROPOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.memberId(), c.oldName(), c.newName(), c.oldIdMasked(), c.newIdMasked(), c.newIdCipher(), c.newIdHash(),
                        c.newGender() == null ? null : c.newGender().name(), c.newBirthDate(), c.oldForm().name(),
                        c.newForm() == null ? null : c.newForm().name(), c.reason(), c.evidence(), c.proposedBy())
                .query(Long.class).single();
    }

    Optional<Correction> find(long id, boolean lock) {
        return jdbc.sql("select * from membership.member_correction where id = ?" + (lock ? " for update" : "")).param(id)
                .query(MemberCorrectionRepository::correction).optional();
    }

    boolean open(long memberId) {
        return jdbc.sql("select count(*) from membership.member_correction where member_id = ? and status = 'PROPOSED'").param(memberId)
                .query(Long.class).single() > 0;
    }

    List<Correction> ofMember(long memberId) {
        return jdbc.sql("select * from membership.member_correction where member_id = ? order by id desc").param(memberId)
                .query(MemberCorrectionRepository::correction).list();
    }

    boolean decide(long id, Status status, String by, String note) {
        return jdbc.sql("""
                update membership.member_correction set status = ?, decided_by = ?, decided_at = now(), decision_note = ?
                 where id = ? and status = 'PROPOSED'""").params(status.name(), by, note, id).update() == 1;
    }

    /** Writes the corrected details to the member; the new ID number is dropped from the correction once applied. */
    void apply(Correction c) {
        ContactsOfTransaction.forget();
        jdbc.sql("""
                update membership.member set name = coalesce(?, name), id_cipher = coalesce(?, id_cipher), id_hash = coalesce(?, id_hash),
                       id_masked = coalesce(?, id_masked), gender = coalesce(?, gender), birth_date = coalesce(?, birth_date),
                       employment_form = coalesce(?, employment_form)
                 where id = ?""")
                .params(c.newName(), c.newIdCipher(), c.newIdHash(), c.newIdMasked(), c.newGender() == null ? null : c.newGender().name(),
                        c.newBirthDate(), c.newForm() == null ? null : c.newForm().name(), c.memberId())
                .update();
        jdbc.sql("update membership.member_correction set new_id_cipher = null where id = ?").param(c.id()).update();
    }

    private static Correction correction(ResultSet rs, int n) throws SQLException {
        String gender = rs.getString("new_gender");
        String form = rs.getString("new_employment_form");
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Correction(rs.getLong("id"), rs.getLong("member_id"), Status.valueOf(rs.getString("status")), rs.getString("old_name"),
                rs.getString("new_name"), rs.getString("old_id_masked"), rs.getString("new_id_masked"), rs.getBytes("new_id_cipher"),
                rs.getBytes("new_id_hash"), gender == null ? null : Gender.valueOf(gender.strip()),
                rs.getObject("new_birth_date", LocalDate.class), EmploymentForm.valueOf(rs.getString("old_employment_form")),
                form == null ? null : EmploymentForm.valueOf(form), rs.getString("reason"), rs.getString("evidence"),
                rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
    }
}
