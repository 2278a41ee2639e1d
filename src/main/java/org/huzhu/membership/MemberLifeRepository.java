package org.huzhu.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leaving a unit and death: the member's columns, the life-event history and the cover cut at death. */
@Repository
class MemberLifeRepository {

    enum Kind { LEFT_UNIT, DEATH }

    record Event(long id, long memberId, Kind kind, LocalDate date, Long unitId, String documentRef, String note, String recordedBy,
                 Instant recordedAt) {
    }

    /** An enrolment in force whose cover runs past a day. */
    record Running(long id, String coverages, LocalDate to) {
    }

    private final JdbcClient jdbc;

    MemberLifeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void markLeft(long memberId, LocalDate leftOn) {
        jdbc.sql("update membership.member set left_unit_on = ? where id = ?").params(leftOn, memberId).update();
    }

    void markDied(long memberId, LocalDate diedOn) {
        jdbc.sql("update membership.member set died_on = ? where id = ?").params(diedOn, memberId).update();
    }

    void record(long memberId, Kind kind, LocalDate date, Long unitId, String documentRef, String note, String by) {
        jdbc.sql("""
                insert into membership.member_life_event (member_id, kind, event_date, unit_id, document_ref, note, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(memberId, kind.name(), date, unitId, documentRef, note, by).update();
    }

    List<Event> events(long memberId) {
        return jdbc.sql("select * from membership.member_life_event where member_id = ? order by event_date, id").param(memberId)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getLong("member_id"), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("event_date", LocalDate.class), rs.getObject("unit_id", Long.class), rs.getString("document_ref"),
                        rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The member's enrolments in force on {@code day} whose cover runs beyond it, locked. */
    List<Running> runningPast(long memberId, LocalDate day) {
        return jdbc.sql("""
                select id, coverages::text, coverage_to from membership.enrolment
                 where member_id = ? and status = 'IN_FORCE' and coverage_from <= ? and coverage_to > ? order by id for update""")
                .params(memberId, day, day)
                .query((rs, n) -> new Running(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
    }

    void endCover(long enrolmentId, String coverages, LocalDate to) {
        jdbc.sql("update membership.enrolment set coverages = ?::json, coverage_to = ? where id = ?").params(coverages, to, enrolmentId).update();
    }

    /** The unit's current workers: registered with it, not left, alive; by name. */
    List<Member> currentMembers(long unitId, int limit, int offset) {
        return jdbc.sql("select " + MemberRepository.COLUMNS + " from membership.member"
                        + " where unit_id = ? and left_unit_on is null and died_on is null order by name, id limit ? offset ?")
                .params(unitId, limit, offset).query(MemberRepository::member).list();
    }
}
