package org.huzhu.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.huzhu.shared.Money;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reporting benchmark's baseline: the dashboard's figures for one office and year computed by plain GROUP BY over the
 * base tables (enrolments with the renewal flag of their covers, members, units, claims with their working days, events, benefits,
 * bills, payments, payouts), grouped as the dashboard needs them (by office below and month, form, ownership, item).
 */
final class Raw {

    private static final String CHILD = "split_part(substring(regexp_replace(%s, 'u[0-9]+/$', '') from :len), '/', 1)";

    private final JdbcClient jdbc;
    private final Map<String, Object> params = new HashMap<>();

    record Totals(List<String> figures) {
    }

    Raw(JdbcClient jdbc, BusinessCalendar calendar, String path, int year, LocalDate today) {
        this.jdbc = jdbc;
        params.put("like", path + "%");
        params.put("len", path.length() + 1);
        params.put("from", LocalDate.of(year, 1, 1));
        params.put("to", LocalDate.of(year, 12, 31));
        params.put("today", today);
        List<Integer> counts = new ArrayList<>();
        int n = 0;
        for (LocalDate d = LocalDate.of(year - 2, 1, 1); !d.isAfter(LocalDate.of(year + 1, 12, 31)); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) n++;
            counts.add(n);
        }
        params.put("first", LocalDate.of(year - 2, 1, 1));
        params.put("counts", counts.toArray(Integer[]::new));
    }

    Totals run() {
        long personTimes = 0, renewals = 0, newForm = 0;
        for (var r : jdbc.sql("""
                with pt as (
                    select e.member_id, e.coverage_from, min(e.org_path) as org_path,
                           bool_or(exists (select 1 from json_array_elements(e.coverages) c
                                            where (c->>'renewedWithoutGap')::boolean)) as renewal
                      from membership.enrolment e
                     where e.status = 'IN_FORCE' and e.org_path like :like and e.coverage_from between :from and :to
                     group by e.member_id, e.coverage_from)
                select %s as child, date_trunc('month', pt.coverage_from) as month, m.employment_form, u.ownership,
                       count(*) as pt, count(*) filter (where pt.renewal) as renewals
                  from pt join membership.member m on m.id = pt.member_id left join organisation.unit u on u.id = m.unit_id
                 group by 1, 2, 3, 4""".formatted(CHILD.formatted("pt.org_path"))).params(params).query().listOfRows()) {
            long count = ((Number) r.get("pt")).longValue();
            personTimes += count;
            renewals += ((Number) r.get("renewals")).longValue();
            if ("NEW_FORM".equals(r.get("employment_form"))) newForm += count;
        }
        jdbc.sql("""
                select %s, c->>'item', count(*) from membership.enrolment e cross join lateral json_array_elements(e.coverages) c
                 where e.status = 'IN_FORCE' and e.org_path like :like and e.coverage_from between :from and :to group by 1, 2"""
                .formatted(CHILD.formatted("e.org_path"))).params(params).query().listOfRows();
        long units = jdbc.sql("""
                select count(distinct unit_id) from membership.enrolment
                 where status = 'IN_FORCE' and org_path like :like and coverage_from between :from and :to and unit_id is not null""")
                .params(params).query(Long.class).single();
        long filed = 0, paid = 0;
        BigDecimal paidAmount = BigDecimal.ZERO;
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (var r : jdbc.sql("""
                with wd as (select cast(:first as date) + cast(i - 1 as int) as day, n from unnest(cast(:counts as int[])) with ordinality as t(n, i)),
                claims as (
                    select c.*, %s as child from claims.claim c where c.org_path like :like),
                figures as (
                    select child, date_trunc('month', submitted_on) as month, 1 as filed, 0 as approved, 0 as rejected, 0 as paid,
                           0::numeric as amount, null::int as days
                      from claims where submitted_on between :from and :to
                    union all
                    select c.child, date_trunc('month', a.at), 0, 1, 0, 0, 0, null
                      from (select claim_id, min(at at time zone 'Asia/Shanghai') as at from claims.claim_event where to_status = 'APPROVED'
                             group by claim_id) a join claims c on c.id = a.claim_id where a.at::date between :from and :to
                    union all
                    select child, date_trunc('month', closed_on), 0, 0, 1, 0, 0, null from claims
                     where status = 'REJECTED' and closed_on between :from and :to
                    union all
                    select c.child, date_trunc('month', c.closed_on), 0, 0, 0, 1, c.approved_total, b.n - a.n
                      from claims c left join wd a on a.day = c.materials_complete_on left join wd b on b.day = c.closed_on
                     where c.status = 'PAID' and c.closed_on between :from and :to)
                select child, month, days, sum(filed) as filed, sum(approved) as approved, sum(rejected) as rejected, sum(paid) as paid,
                       sum(amount) as amount
                  from figures group by 1, 2, 3""".formatted(CHILD.formatted("c.org_path"))).params(params).query().listOfRows()) {
            filed += ((Number) r.get("filed")).longValue();
            long p = ((Number) r.get("paid")).longValue();
            paid += p;
            paidAmount = paidAmount.add((BigDecimal) r.get("amount"));
            if (r.get("days") != null && p > 0) histogram.merge(((Number) r.get("days")).intValue(), p, Long::sum);
        }
        jdbc.sql("""
                select %s, b.item, count(*), sum(coalesce(b.adjusted_amount, b.amount))
                  from claims.claim c join claims.benefit b on b.claim_id = c.id
                 where c.org_path like :like and c.status = 'PAID' and c.closed_on between :from and :to and b.decision <> 'REJECT'
                 group by 1, 2""".formatted(CHILD.formatted("c.org_path"))).params(params).query().listOfRows();
        long overdue = jdbc.sql("""
                with wd as (select cast(:first as date) + cast(i - 1 as int) as day, n from unnest(cast(:counts as int[])) with ordinality as t(n, i))
                select count(*) from claims.claim c join wd a on a.day = c.materials_complete_on join wd b on b.day = :today
                 where c.org_path like :like and c.closed_on is null and c.status <> 'DRAFT' and b.n - a.n > 7""")
                .params(params).query(Long.class).single();
        BigDecimal billed = BigDecimal.ZERO, received = BigDecimal.ZERO;
        for (var r : jdbc.sql("""
                select %s as child, date_trunc('month', created_on) as month, sum(unit_due + member_due + union_due) as billed,
                       sum(unit_due + member_due + union_due - unit_received - member_received - union_received) as outstanding
                  from contributions.bill b where org_path like :like and status <> 'CANCELLED' and created_on between :from and :to
                 group by 1, 2""".formatted(CHILD.formatted("b.org_path"))).params(params).query().listOfRows()) {
            billed = billed.add((BigDecimal) r.get("billed"));
        }
        for (var r : jdbc.sql("""
                select %s as child, date_trunc('month', p.paid_on) as month, sum(p.to_unit + p.to_member + p.to_union) as received
                  from contributions.payment p join contributions.bill b on b.id = p.bill_id
                 where b.org_path like :like and p.reversed_on is null and p.paid_on between :from and :to
                 group by 1, 2""".formatted(CHILD.formatted("b.org_path"))).params(params).query().listOfRows()) {
            received = received.add((BigDecimal) r.get("received"));
        }
        long failed = jdbc.sql("""
                select count(*) from payouts.payout_event e join payouts.payout p on p.id = e.payout_id
                 where p.org_path like :like and e.to_status = 'FAILED' and (e.at at time zone 'Asia/Shanghai')::date between :from and :to""")
                .params(params).query(Long.class).single();
        return new Totals(List.of("personTimes=" + personTimes, "renewals=" + renewals, "units=" + units, "newForm=" + newForm,
                "filed=" + filed, "paid=" + paid, "paidAmount=" + Money.rounded(paidAmount), "billed=" + Money.rounded(billed),
                "received=" + Money.rounded(received), "overdue=" + overdue, "p90=" + p90(histogram), "failed=" + failed));
    }

    private static Integer p90(TreeMap<Integer, Long> days) {
        long count = days.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) return null;
        long needed = (long) Math.ceil(0.9 * count), seen = 0;
        for (var e : days.entrySet()) {
            seen += e.getValue();
            if (seen >= needed) return e.getKey();
        }
        return days.lastKey();
    }
}
