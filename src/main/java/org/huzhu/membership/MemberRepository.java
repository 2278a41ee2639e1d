package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.huzhu.shared.Gender;
import org.huzhu.shared.database.Pipeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    static final String COLUMNS = """
            id, name, id_masked, gender, birth_date, phone_masked, employment_form, real_name_verified_at, bank_name,
            bank_account_masked, unit_id, org_path, left_unit_on, died_on""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MemberRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record NewMemberRow(String name, byte[] idHash, byte[] idCipher, String idMasked, Gender gender,
                        java.time.LocalDate birthDate, byte[] phoneCipher, String phoneMasked, EmploymentForm form, Long unitId, String orgPath) {
    }

    long insert(NewMemberRow m) {
        return jdbc.sql("""
                insert into membership.member (name, id_hash, id_cipher, id_masked, gender, birth_date, phone_cipher,
                                               phone_masked, employment_form, unit_id, org_path)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(m.name(), m.idHash(), m.idCipher(), m.idMasked(), m.gender().name(), m.birthDate(), m.phoneCipher(),
                        m.phoneMasked(),
                        m.form().name(), m.unitId(), m.orgPath())
                .query(Long.class).single();
    }

    record ContactRow(long id, String name, byte[] phoneCipher, Long unitId, String orgPath) {
    }

    Optional<ContactRow> contact(long id) {
        return jdbc.sql("select id, name, phone_cipher, unit_id, org_path from membership.member where id = ?").param(id)
                .query((rs, n) -> new ContactRow(rs.getLong(1), rs.getString(2), rs.getBytes(3), (Long) rs.getObject(4), rs.getString(5)))
                .optional();
    }

    /** The contacts of several members at once (members not found are left out). */
    List<ContactRow> contacts(Long[] ids) {
        if (ids.length == 0) return List.of();
        return jdbc.sql("select id, name, phone_cipher, unit_id, org_path from membership.member where id = any(?)").param(ids)
                .query((rs, n) -> new ContactRow(rs.getLong(1), rs.getString(2), rs.getBytes(3), (Long) rs.getObject(4), rs.getString(5)))
                .list();
    }

    /** The numbers the member's phone replaced since {@code since}, newest first (encrypted). */
    List<byte[]> phonesReplacedSince(long id, java.time.Instant since) {
        return jdbc.sql("""
                select phone_cipher from membership.member_phone_history where member_id = ? and replaced_at >= ?
                 order by replaced_at desc, id desc""")
                .params(id, Timestamp.from(since)).query((rs, n) -> rs.getBytes(1)).list();
    }

    /** The member's phone becomes {@code phoneCipher}; a number it replaces is kept in the phone history, dated {@code at}. */
    void changePhone(long id, byte[] phoneCipher, String phoneMasked, java.time.Instant at) {
        ContactsOfTransaction.forget();
        jdbc.sql("""
                insert into membership.member_phone_history (member_id, phone_cipher, phone_masked, replaced_at)
                select id, phone_cipher, phone_masked, ? from membership.member where id = ? and phone_cipher is not null""")
                .params(Timestamp.from(at), id).update();
        jdbc.sql("update membership.member set phone_cipher = ?, phone_masked = ? where id = ?").params(phoneCipher, phoneMasked, id).update();
    }

    /** The member the number is bound to for the member app (by the number's keyed hash). */
    Optional<Long> boundTo(byte[] phoneHash) {
        return jdbc.sql("select member_id from membership.phone_binding where phone_hash = ?").param(phoneHash).query(Long.class).optional();
    }

    /** Whether the member signs in to the member app with a number (whichever). */
    boolean bound(long id) {
        return jdbc.sql("select count(*) from membership.phone_binding where member_id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Binds the number to the member; false when the number is bound already (to anyone). */
    boolean bind(long id, byte[] phoneHash, java.time.Instant at) {
        return jdbc.sql("""
                insert into membership.phone_binding (member_id, phone_hash, bound_at) values (?, ?, ?)
                on conflict do nothing""").params(id, phoneHash, Timestamp.from(at)).update() == 1;
    }

    /** Ends the member's binding unless it is to this number (the member's phone now). */
    void unbindUnless(long id, byte[] phoneHash) {
        jdbc.sql("delete from membership.phone_binding where member_id = ? and phone_hash <> ?").params(id, phoneHash).update();
    }

    /** A member an audience holds: how to reach them, and the last day of their newest cover in force (null when none). */
    record AudienceRow(long id, String name, byte[] phoneCipher, Long unitId, String orgPath, java.time.LocalDate coverEnd) {
    }

    /**
     * The members under {@code pathPrefix} that meet the criteria, in one statement: each member's
     * enrolments are read through the member index once (newest cover end, renewal awaiting payment).
     * Enrolled means cover in force on {@code today} or later, or an enrolment awaiting its bill.
     */
    List<AudienceRow> audience(String pathPrefix, Members.Audience criteria, java.time.LocalDate today) {
        StringBuilder sql = new StringBuilder("""
                select m.id, m.name, m.phone_cipher, m.unit_id, m.org_path, c.cover_end
                  from membership.member m
                  left join lateral (
                        select max(e.coverage_to) filter (where e.status = 'IN_FORCE') as cover_end,
                               coalesce(bool_or(e.status = 'AWAITING_PAYMENT'), false) as awaiting
                          from membership.enrolment e where e.member_id = m.id) c on true
                 where m.org_path like :path""");
        var params = new java.util.HashMap<String, Object>();
        params.put("path", pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        params.put("today", today);
        if (criteria.unitId() != null) {
            sql.append(" and m.unit_id = :unit");
            params.put("unit", criteria.unitId());
        }
        if (criteria.employmentForm() != null) {
            sql.append(" and m.employment_form = :form");
            params.put("form", criteria.employmentForm().name());
        }
        if (criteria.enrolled() != null) {
            sql.append(criteria.enrolled() ? " and" : " and not").append(" (coalesce(c.cover_end >= :today, false) or c.awaiting)");
        }
        if (criteria.coverEndsFrom() != null && criteria.coverEndsTo() != null) {
            sql.append(" and c.cover_end between :endsFrom and :endsTo and not c.awaiting");
            params.put("endsFrom", criteria.coverEndsFrom());
            params.put("endsTo", criteria.coverEndsTo());
        }
        sql.append(" order by m.id");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AudienceRow(rs.getLong(1), rs.getString(2), rs.getBytes(3), (Long) rs.getObject(4), rs.getString(5),
                        rs.getObject(6, java.time.LocalDate.class)))
                .list();
    }

    Optional<Member> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from membership.member where id = ?").param(id)
                .query(MemberRepository::member).optional();
    }

    /** Locks the member's row for the rest of the transaction: enrolments of one member never race. */
    Optional<Member> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from membership.member where id = ? for update").param(id)
                .query(MemberRepository::member).optional();
    }

    boolean idHashExists(byte[] idHash) {
        return jdbc.sql("select count(*) from membership.member where id_hash = ?").param(idHash)
                .query(Long.class).single() > 0;
    }

    Optional<Long> idByHash(byte[] idHash) {
        return jdbc.sql("select id from membership.member where id_hash = ?").param(idHash).query(Long.class).optional();
    }

    byte[] idCipher(long id) {
        return jdbc.sql("select id_cipher from membership.member where id = ?").param(id).query(byte[].class).single();
    }

    /** The member joins the unit as a current worker (a leaving recorded before is over). */
    void moveToUnit(long id, long unitId, String orgPath) {
        ContactsOfTransaction.forget();
        jdbc.sql("update membership.member set unit_id = ?, org_path = ?, left_unit_on = null where id = ?").params(unitId, orgPath, id).update();
    }

    /** True when this marked the member (false: verified before). */
    boolean markRealNameVerified(long id) {
        return jdbc.sql("update membership.member set real_name_verified_at = now() where id = ? and real_name_verified_at is null")
                .param(id).update() > 0;
    }

    record PayeeRow(String name, String bankName, byte[] accountCipher, java.time.Instant accountChangedAt) {
    }

    Optional<PayeeRow> payee(long id) {
        return jdbc.sql("""
                select coalesce(payee_name, name), bank_name, bank_account_cipher, bank_account_changed_at from membership.member
                 where id = ? and bank_account_cipher is not null""")
                .param(id).query((rs, n) -> new PayeeRow(rs.getString(1), rs.getString(2), rs.getBytes(3), instant(rs.getTimestamp(4))))
                .optional();
    }

    private static java.time.Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** A member with the payout account's cipher (null when none is set) and every enrolment's coverages as one JSON array of arrays. */
    record ClaimantRow(Member member, byte[] accountCipher, String coverages, java.time.Instant accountChangedAt, String payeeName,
                       String backing, ContactRow contact) {
    }

    /**
     * The member's enrolments are read once, by member, for both the coverages and the bills behind the cover in force (a
     * filter, not a condition of the scan): with {@code status = 'IN_FORCE'} in its own sub-select, the planner could
     * AND the member's index with the partial index of every enrolment in force ({@code enrolment_unit_cover_to}) and
     * build a bitmap of the whole scheme's cover for one member — a tenth of the claims benchmark's CPU on a table not
     * analysed yet.
     */
    private static final String CLAIMANT = "select " + COLUMNS + """
            , phone_cipher, bank_account_cipher, bank_account_changed_at, coalesce(payee_name, name) as payee, held.coverages, held.backing
              from membership.member m
             cross join lateral (
                   select '[' || string_agg(e.coverages::text, ',' order by e.id) || ']' as coverages,
                          string_agg(e.bill_id || ' ' || to_char(e.coverage_from, 'YYYY-MM-DD') || ' ' || to_char(e.coverage_to, 'YYYY-MM-DD'), ';' order by e.id)
                              filter (where e.status = 'IN_FORCE' and e.bill_id is not null) as backing
                     from membership.enrolment e where e.member_id = m.id) held
             where m.id = ?""";

    /** What a claim needs of its member, in one statement: the member, the payout account and the coverages held. */
    Optional<ClaimantRow> claimant(long id) {
        return jdbc.sql(CLAIMANT).param(id).query(MemberRepository::claimantRow).optional();
    }

    /** {@link #claimant(long)}'s statement, added to the caller's pipeline. */
    Supplier<Optional<ClaimantRow>> claimant(long id, Pipeline pipeline) {
        return pipeline.add(CLAIMANT, List.of(id), rs -> rs.next() ? Optional.of(claimantRow(rs, 0)) : Optional.empty());
    }

    void send(Pipeline pipeline) {
        pipeline.send(template);
    }

    private static ClaimantRow claimantRow(ResultSet rs, int n) throws SQLException {
        Member member = member(rs, n);
        return new ClaimantRow(member, rs.getBytes("bank_account_cipher"), rs.getString("coverages"),
                instant(rs.getTimestamp("bank_account_changed_at")), rs.getString("payee"), rs.getString("backing"),
                new ContactRow(member.id(), member.name(), rs.getBytes("phone_cipher"), member.unitId(), member.orgPath()));
    }

    List<Member> visible(String scopePattern, String nameContains, byte[] idHash, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from membership.member where org_path like :scope");
        if (nameContains != null && !nameContains.isBlank()) sql.append(" and name like :name");
        if (idHash != null) sql.append(" and id_hash = :hash");
        sql.append(" order by id limit :limit offset :offset");
        var statement = jdbc.sql(sql.toString()).param("scope", scopePattern).param("limit", limit).param("offset", offset);
        if (nameContains != null && !nameContains.isBlank()) statement = statement.param("name", "%" + nameContains.strip() + "%");
        if (idHash != null) statement = statement.param("hash", idHash);
        return statement.query(MemberRepository::member).list();
    }

    static Member member(ResultSet rs, int n) throws SQLException {
        Timestamp verified = rs.getTimestamp("real_name_verified_at");
        return new Member(rs.getLong("id"), rs.getString("name"), rs.getString("id_masked"),
                Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("phone_masked"), EmploymentForm.valueOf(rs.getString("employment_form")),
                verified == null ? null : verified.toInstant(), rs.getString("bank_name"),
                rs.getString("bank_account_masked"), rs.getObject("unit_id", Long.class), rs.getString("org_path"),
                rs.getObject("left_unit_on", java.time.LocalDate.class), rs.getObject("died_on", java.time.LocalDate.class));
    }
}
