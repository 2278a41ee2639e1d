package org.huzhu.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.contributions.Contributions;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EnrolmentRepository {

    private final JdbcClient jdbc;

    EnrolmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An enrolment's status, with the label the console and the exports show (the one place it is named). */
    enum Status {
        AWAITING_PAYMENT("待缴费"), IN_FORCE("已缴费"), CANCELLED("已退保");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        String chinese() {
            return chinese;
        }
    }

    record Stored(long id, long memberId, Long unitId, String orgPath, String catalogueVersion, LocalDate paidOn,
                  List<Coverage> coverages, Money premium, Funding funding, Money gift, Long subsidyOrgId, long journalId,
                  Status status, Long billId) {
    }

    /** An enrolment waiting for its bill: what is needed to date its cover once paid. */
    record Awaiting(long id, long memberId, String catalogueVersion, List<Coverage> coverages) {
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('membership.enrolment', 'id'))").query(Long.class).single();
    }

    void insert(Stored e, LocalDate from, LocalDate to, Long importId, Integer row) {
        jdbc.sql("""
                insert into membership.enrolment (id, member_id, unit_id, org_path, catalogue_version, paid_on, coverage_from,
                    coverage_to, coverages, premium, funding_policy, unit_pays, union_pays, member_pays, gift, subsidy_org_id,
                    roster_import_id, roster_row, journal_id, status, bill_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.memberId(), e.unitId(), e.orgPath(), e.catalogueVersion(), e.paidOn(), from, to,
                        CoverageJson.write(e.coverages()), e.premium().amount(), e.funding().policy(),
                        e.funding().unit().amount(), e.funding().union().amount(), e.funding().member().amount(),
                        e.gift().amount(), e.subsidyOrgId(), importId, row, e.journalId(), e.status().name(), e.billId())
                .update();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::stored).optional();
    }

    List<Stored> ofMember(long memberId) {
        return jdbc.sql(SELECT + " where member_id = ? order by coverage_from, id").param(memberId).query(this::stored).list();
    }

    /** The enrolments on a bill, with who pays what: the bill's lines (a line cancelled before it was paid has left it). */
    List<Contributions.BillLine> onBill(long billId, int limit) {
        return jdbc.sql("""
                select e.id, e.member_id, m.name, m.id_masked, e.unit_pays, e.union_pays, e.member_pays
                  from membership.enrolment e join membership.member m on m.id = e.member_id
                 where e.bill_id = ?
                   and not exists (select 1 from membership.cancellation c where c.enrolment_id = e.id and c.status = 'DONE')
                 order by e.id limit ?""")
                .params(billId, limit)
                .query((rs, n) -> new Contributions.BillLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        new Money(rs.getBigDecimal(5)), new Money(rs.getBigDecimal(6)), new Money(rs.getBigDecimal(7))))
                .list();
    }

    /** The enrolments of a bill still waiting for it to be paid, locked. */
    List<Awaiting> awaitingOnBill(long billId) {
        return jdbc.sql("""
                select id, member_id, catalogue_version, coverages::text from membership.enrolment
                 where bill_id = ? and status = 'AWAITING_PAYMENT' order by id for update""")
                .param(billId)
                .query((rs, n) -> new Awaiting(rs.getLong(1), rs.getLong(2), rs.getString(3), CoverageJson.read(rs.getString(4))))
                .list();
    }

    /** The bill was paid: the enrolments come into force with their dated cover, in one statement. */
    void bringIntoForce(List<Awaiting> enrolments, List<EnrolmentRules.Planned> planned, LocalDate paidOn) {
        int n = enrolments.size();
        Long[] ids = new Long[n];
        String[] from = new String[n];
        String[] to = new String[n];
        String[] coverages = new String[n];
        for (int i = 0; i < n; i++) {
            EnrolmentRules.Planned p = planned.get(i);
            ids[i] = enrolments.get(i).id();
            from[i] = p.from().toString();
            to[i] = p.to().toString();
            coverages[i] = CoverageJson.write(p.coverages());
        }
        jdbc.sql("""
                update membership.enrolment e set status = 'IN_FORCE', paid_on = ?, coverage_from = r.coverage_from::date,
                       coverage_to = r.coverage_to::date, coverages = cast(r.coverages as json)
                  from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                       as r (id, coverage_from, coverage_to, coverages)
                 where e.id = r.id and e.status = 'AWAITING_PAYMENT'""")
                .params(paidOn, ids, from, to, coverages).update();
    }

    /** A self-enrolment withdrawn while awaiting payment: it holds and blocks nothing from now on. */
    void cancel(long id, java.time.Instant at) {
        jdbc.sql("update membership.enrolment set status = 'CANCELLED', cancelled_at = ? where id = ? and status = 'AWAITING_PAYMENT'")
                .params(java.sql.Timestamp.from(at), id).update();
    }

    /**
     * Every coverage held by each of the given members (cancelled enrolments left out), for the overlap and renewal rules; items
     * of enrolments awaiting payment come without a period.
     */
    Map<Long, List<Coverage>> coveragesOf(Long[] memberIds) {
        Map<Long, List<Coverage>> held = new HashMap<>();
        if (memberIds.length == 0) return held;
        jdbc.sql("select member_id, coverages::text from membership.enrolment where member_id = any(?) and status <> 'CANCELLED'")
                .param(memberIds)
                .query(rs -> {
                    held.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).addAll(CoverageJson.read(rs.getString(2)));
                });
        return held;
    }

    /** One item of an enrolment in force whose cover ends on a day. */
    record Ending(long enrolmentId, long memberId, Long unitId, String catalogueVersion, String item, LocalDate to) {
    }

    /**
     * The items in force whose cover ends on {@code day}, unless the member already holds the same item
     * in force from a later day (renewed).
     */
    List<Ending> itemsEnding(LocalDate day) {
        return jdbc.sql("""
                select e.id, e.member_id, e.unit_id, e.catalogue_version, c->>'item'
                  from membership.enrolment e cross join lateral json_array_elements(e.coverages) c
                 where e.status = 'IN_FORCE' and e.coverage_from <= :day and e.coverage_to >= :day and (c->>'to')::date = :day
                   and not exists (select 1 from membership.member d where d.id = e.member_id and d.died_on is not null)
                   and not exists (select 1 from membership.enrolment r cross join lateral json_array_elements(r.coverages) rc
                                    where r.member_id = e.member_id and r.status = 'IN_FORCE' and r.coverage_to > :day
                                      and rc->>'item' = c->>'item' and (rc->>'from')::date > :day)
                 order by e.unit_id, e.member_id, e.id""")
                .param("day", day)
                .query((rs, n) -> new Ending(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), day))
                .list();
    }

    private static final String SELECT = """
            select id, member_id, unit_id, org_path, catalogue_version, paid_on, coverages::text as coverages, premium,
                   funding_policy, unit_pays, union_pays, member_pays, gift, subsidy_org_id, journal_id, status, bill_id
              from membership.enrolment""";

    private Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("member_id"), rs.getObject("unit_id", Long.class),
                rs.getString("org_path"), rs.getString("catalogue_version"), rs.getObject("paid_on", LocalDate.class),
                CoverageJson.read(rs.getString("coverages")), new Money(rs.getBigDecimal("premium")),
                new Funding(rs.getString("funding_policy"), new Money(rs.getBigDecimal("unit_pays")),
                        new Money(rs.getBigDecimal("union_pays")), new Money(rs.getBigDecimal("member_pays"))),
                new Money(rs.getBigDecimal("gift")), rs.getObject("subsidy_org_id", Long.class), rs.getLong("journal_id"),
                Status.valueOf(rs.getString("status")), rs.getObject("bill_id", Long.class));
    }
}
