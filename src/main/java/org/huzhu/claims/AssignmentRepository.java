package org.huzhu.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.shared.database.Pipeline;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The claims' holders in review (claims.assignment), their history, the offices' ways of working and the open claims' ageing. */
@Component
class AssignmentRepository {

    /** The claims a reviewer holds: those in review (the same set the workload counts). */
    static final String HELD = "'UNDER_REVIEW'";

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who holds a claim now; {@code assignee} null: the office's pool. */
    record Current(long claimId, Long officeId, String assignee, Instant assignedAt, String assignedBy, LocalDate escalatedFor,
                   LocalDate escalatedOn) {
    }

    /** One change of holder. */
    record Change(Long officeId, String assignee, String how, String actor, Instant at, String note) {
    }

    /**
     * Routing a claim that has just gone to review, as one statement of the decision's pipeline: the office's way of
     * working is read, the candidate holding the fewest claims in review (then the one assigned longest ago, then the
     * first given) is chosen when the office works AUTO, and the holder, its history and the timeline entry are
     * written. Answers the timeline entry written.
     */
    Supplier<Claim.Event> route(long claimId, long officeId, List<String> usernames, List<String> names, Instant at,
                                String assignedText, String poolText, String noReviewerText, Pipeline pipeline) {
        List<Object> params = new ArrayList<>(List.of(officeId, usernames.toArray(String[]::new), names.toArray(String[]::new),
                claimId, officeId, Timestamp.from(at), claimId, Timestamp.from(at), assignedText,
                poolText, noReviewerText));
        return pipeline.add("""
                with way as (select coalesce((select mode from claims.review_office where office_node_id = ?), 'AUTO') as mode),
                candidate as (
                    select x.username, x.name, x.n,
                           (select count(*) from claims.assignment a join claims.claim c on c.id = a.claim_id
                             where a.assignee = x.username and c.status in (""" + HELD + """
                           )) as held,
                           (select max(e.at) from claims.assignment_event e where e.assignee = x.username) as last
                      from unnest(?::text[], ?::text[]) with ordinality as x (username, name, n)
                     where (select mode from way) = 'AUTO'),
                chosen as (select username, name from candidate order by held, last nulls first, n limit 1),
                holder as (select ?::bigint as claim_id, ?::bigint as office, (select username from chosen) as assignee,
                                  (select name from chosen) as name, ?::timestamptz as at),
                a as (
                    insert into claims.assignment (claim_id, office_node_id, assignee, assigned_at, assigned_by)
                    select claim_id, office, assignee, at, '系统' from holder
                    on conflict (claim_id) do update set office_node_id = excluded.office_node_id, assignee = excluded.assignee,
                        assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by, escalated_for = null, escalated_on = null
                    returning claim_id),
                h as (
                    insert into claims.assignment_event (claim_id, office_node_id, assignee, how, actor, at)
                    select claim_id, office, assignee, case when assignee is null then 'POOL' else 'AUTO' end, '系统', at from holder),
                e as (
                    insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason)
                    select ?, ?, '系统', 'UNDER_REVIEW', 'UNDER_REVIEW',
                           case when x.assignee is not null then replace(?, '{name}', x.name)
                                when (select mode from way) = 'POOL' then ? else ? end
                      from holder x
                    returning at, reason)
                select at, reason from e""", params, rs -> {
            rs.next();
            return new Claim.Event(rs.getTimestamp(1).toInstant(), Claim.SYSTEM, ClaimStatus.UNDER_REVIEW, ClaimStatus.UNDER_REVIEW,
                    rs.getString(2));
        });
    }

    Optional<Current> current(long claimId) {
        return jdbc.sql("select * from claims.assignment where claim_id = ?").param(claimId).query(AssignmentRepository::current)
                .optional();
    }

    /** Gives the claim its new holder (or the pool) and keeps the change in its history, in one statement. */
    void assign(long claimId, Change change) {
        jdbc.sql("""
                with a as (
                    insert into claims.assignment (claim_id, office_node_id, assignee, assigned_at, assigned_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (claim_id) do update set office_node_id = excluded.office_node_id, assignee = excluded.assignee,
                        assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
                    returning claim_id)
                insert into claims.assignment_event (claim_id, office_node_id, assignee, how, actor, at, note)
                select claim_id, ?, ?, ?, ?, ?, ? from a""")
                .params(claimId, typed(Types.BIGINT, change.officeId()), typed(Types.VARCHAR, change.assignee()),
                        Timestamp.from(change.at()), change.actor(), typed(Types.BIGINT, change.officeId()),
                        typed(Types.VARCHAR, change.assignee()), change.how(), change.actor(), Timestamp.from(change.at()),
                        typed(Types.VARCHAR, change.note()))
                .update();
    }

    /** A timeline entry written beside a change made outside the claim's own update (a re-judgement's new level). */
    void appendEvent(long claimId, Claim.Event event) {
        jdbc.sql("insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)")
                .params(claimId, Timestamp.from(event.at()), event.actor(), event.from().name(), event.to().name(), event.reason())
                .update();
    }

    /** How many claims each reviewer holds and when each was last given one: the order in which they take the next. */
    record Load(int held, Instant lastAssigned) {
    }

    Map<String, Load> loads(List<String> usernames) {
        Map<String, Load> out = new HashMap<>();
        jdbc.sql("""
                select x.username,
                       (select count(*) from claims.assignment a join claims.claim c on c.id = a.claim_id
                         where a.assignee = x.username and c.status in (""" + HELD + """
                       )),
                       (select max(e.at) from claims.assignment_event e where e.assignee = x.username)
                  from unnest(?::text[]) as x (username)""")
                .param(usernames.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    Timestamp last = rs.getTimestamp(3);
                    out.put(rs.getString(1), new Load(rs.getInt(2), last == null ? null : last.toInstant()));
                });
        return out;
    }

    List<Change> history(long claimId) {
        return jdbc.sql("select office_node_id, assignee, how, actor, at, note from claims.assignment_event where claim_id = ? order by id")
                .param(claimId)
                .query((rs, n) -> new Change(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    // ---- the offices' ways of working ------------------------------------------------------

    Map<Long, String> modes() {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("select office_node_id, mode from claims.review_office").query((ResultSet rs) -> {
            out.put(rs.getLong(1), rs.getString(2));
        });
        return out;
    }

    String mode(long officeId) {
        return jdbc.sql("select mode from claims.review_office where office_node_id = ?").param(officeId).query(String.class)
                .optional().orElse("AUTO");
    }

    void setMode(long officeId, String mode, String by, Instant at) {
        jdbc.sql("""
                insert into claims.review_office (office_node_id, mode, changed_by, changed_at) values (?, ?, ?, ?)
                on conflict (office_node_id) do update set mode = excluded.mode, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
                .params(officeId, mode, by, Timestamp.from(at)).update();
    }

    // ---- open claims ------------------------------------------------------------------------

    /** A claim in review as the workload and the queue see it, with its holder. */
    record Open(long id, long memberId, IncidentKind kind, LocalDate incidentDate, ClaimStatus status, ReviewLevel level,
                BigDecimal computedTotal, LocalDate submittedOn, LocalDate materialsCompleteOn, String orgPath,
                String filedBy, String firstApprovedBy, Long officeId, String assignee, Instant assignedAt, LocalDate escalatedFor) {
    }

    /** The claims in review inside the scope, oldest first. */
    List<Open> open(String scopePattern) {
        return jdbc.sql("""
                select c.id, c.member_id, c.kind, c.incident_date, c.status, c.review_level, c.computed_total, c.submitted_on,
                       c.materials_complete_on, c.org_path, c.filed_by, c.first_approved_by, a.office_node_id, a.assignee,
                       a.assigned_at, a.escalated_for
                  from claims.claim c left join claims.assignment a on a.claim_id = c.id
                 where c.status in (""" + HELD + """
                ) and c.org_path like ?
                 order by c.id""")
                .param(scopePattern)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), IncidentKind.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), ClaimStatus.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : ReviewLevel.valueOf(rs.getString(6)), rs.getBigDecimal(7),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getObject(13, Long.class), rs.getString(14),
                        rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(), rs.getObject(16, LocalDate.class)))
                .list();
    }

    /**
     * Flags the claims for their promise dates unless flagged for those dates already, with a timeline entry each, in
     * one statement; answers the ids flagged now.
     */
    List<Long> escalate(List<Long> claimIds, List<LocalDate> dueDates, List<String> reasons, LocalDate today, Instant at) {
        if (claimIds.isEmpty()) return List.of();
        return jdbc.sql("""
                with due as (select * from unnest(?::bigint[], ?::date[], ?::text[]) as x (claim_id, due_on, reason)),
                flagged as (
                    insert into claims.assignment (claim_id, assigned_at, assigned_by, escalated_for, escalated_on)
                    select claim_id, ?, '系统', due_on, ? from due
                    on conflict (claim_id) do update set escalated_for = excluded.escalated_for, escalated_on = excluded.escalated_on
                     where claims.assignment.escalated_for is distinct from excluded.escalated_for
                    returning claim_id),
                e as (
                    insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason)
                    select d.claim_id, ?, '系统', c.status, c.status, d.reason
                      from due d join flagged f on f.claim_id = d.claim_id join claims.claim c on c.id = d.claim_id)
                select claim_id from flagged order by claim_id""")
                .params(claimIds.toArray(Long[]::new), dueDates.stream().map(LocalDate::toString).toArray(String[]::new),
                        reasons.toArray(String[]::new), Timestamp.from(at), today, Timestamp.from(at))
                .query(Long.class).list();
    }

    private static Current current(ResultSet rs, int n) throws SQLException {
        return new Current(rs.getLong("claim_id"), rs.getObject("office_node_id", Long.class), rs.getString("assignee"),
                rs.getTimestamp("assigned_at").toInstant(), rs.getString("assigned_by"), rs.getObject("escalated_for", LocalDate.class),
                rs.getObject("escalated_on", LocalDate.class));
    }

    private static SqlParameterValue typed(int sqlType, Object value) {
        return new SqlParameterValue(sqlType, value);
    }
}
