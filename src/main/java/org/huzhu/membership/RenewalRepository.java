package org.huzhu.membership;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.CopyWriter;
import org.huzhu.shared.database.ReadAhead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The renewal proposals of units and their lines (membership.renewal, membership.renewal_line). */
@Repository
class RenewalRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RenewalRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    record Stored(long id, long unitId, String orgPath, RenewalStatus status, LocalDate windowFrom, LocalDate windowTo,
                  String rosterFile, String createdBy, Instant createdAt, String decidedBy, Instant decidedAt, Long billId) {
    }

    /** One worker of a proposal; {@code items} carry item, plan, shares and premium, no dates yet. */
    record Line(int lineNo, Long memberId, String name, String idMasked, RenewalLineSource source, boolean included, String reason,
                List<Coverage> items, Money premium, LocalDate coverTo) {
    }

    /** The figures of a proposal: people in and out, by source, and the premium of the lines in. */
    record Totals(int lines, int included, int excluded, int lastYear, int fromRoster, int added, Money premium) {
    }

    long create(long unitId, String orgPath, LocalDate windowFrom, LocalDate windowTo, String rosterFile, String by) {
        return jdbc.sql("""
                insert into membership.renewal (unit_id, org_path, status, window_from, window_to, roster_file, created_by)
                values (?, ?, 'PROPOSED', ?, ?, ?, ?) returning id""")
                .params(unitId, orgPath, windowFrom, windowTo, rosterFile, by).query(Long.class).single();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::stored).optional();
    }

    Optional<Stored> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(this::stored).optional();
    }

    List<Stored> ofUnit(long unitId, int limit) {
        return jdbc.sql(SELECT + " where unit_id = ? order by id desc limit ?").params(unitId, limit).query(this::stored).list();
    }

    void copyLines(Connection connection, long renewalId, List<Line> lines) throws SQLException {
        CopyWriter copy = CopyWriter.open(connection, """
                COPY membership.renewal_line (renewal_id, line_no, member_id, name, id_masked, source, included, reason, items,
                    premium, cover_to) FROM STDIN""");
        for (Line l : lines) {
            copy.number(renewalId).number(l.lineNo()).number(l.memberId()).text(l.name()).text(l.idMasked()).text(l.source().name())
                    .bool(l.included()).text(l.reason()).text(CoverageJson.write(l.items())).decimal(l.premium()).date(l.coverTo());
            copy.endRow();
        }
        copy.finish();
    }

    void insertLine(long renewalId, Line l) {
        jdbc.sql("""
                insert into membership.renewal_line (renewal_id, line_no, member_id, name, id_masked, source, included, reason, items,
                    premium, cover_to) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?)""")
                .params(renewalId, l.lineNo(), l.memberId(), l.name(), l.idMasked(), l.source().name(), l.included(), l.reason(),
                        CoverageJson.write(l.items()), l.premium().amount(), l.coverTo())
                .update();
    }

    int nextLineNo(long renewalId) {
        return jdbc.sql("select coalesce(max(line_no), 0) + 1 from membership.renewal_line where renewal_id = ?")
                .param(renewalId).query(Integer.class).single();
    }

    boolean hasMember(long renewalId, long memberId) {
        return jdbc.sql("select exists (select 1 from membership.renewal_line where renewal_id = ? and member_id = ?)")
                .params(renewalId, memberId).query(Boolean.class).single();
    }

    boolean hasIncluded(long renewalId) {
        return jdbc.sql("select exists (select 1 from membership.renewal_line where renewal_id = ? and included)")
                .param(renewalId).query(Boolean.class).single();
    }

    int setIncluded(long renewalId, int lineNo, boolean included, String reason) {
        return jdbc.sql("update membership.renewal_line set included = ?, reason = ? where renewal_id = ? and line_no = ?")
                .params(included, reason, renewalId, lineNo).update();
    }

    Optional<Line> line(long renewalId, int lineNo) {
        return jdbc.sql(LINES + " where renewal_id = ? and line_no = ?").params(renewalId, lineNo).query(this::line).optional();
    }

    /** A page of lines; {@code included} null for all; {@code item} null or an item code the line renews. */
    List<Line> lines(long renewalId, Boolean included, String item, int limit, int offset) {
        return jdbc.sql(LINES + "\n" + """
                 where renewal_id = :id and (cast(:included as boolean) is null or included = :included)
                   and (cast(:item as text) is null or items::jsonb @> jsonb_build_array(jsonb_build_object('item', cast(:item as text))))
                 order by line_no limit :limit offset :offset""")
                .param("id", renewalId).param("included", included).param("item", item).param("limit", limit).param("offset", offset)
                .query(this::line).list();
    }

    /**
     * The included lines in order, with what the rules need of their workers — sex, birth date and every cover they hold
     * now (cancelled enrolments left out; items awaiting payment without a period) — streamed from one read and handed
     * over {@code size} at a time; the caller writes between chunks while the read prepares the next (on a connection of
     * its own: it sees the lines the proposal committed; the count of included lines, read in the caller's transaction
     * first, must match, or nothing is confirmed).
     */
    void eachIncluded(long renewalId, int size, Consumer<List<Included>> chunk) {
        long expected = jdbc.sql("select count(*) from membership.renewal_line where renewal_id = ? and included")
                .param(renewalId).query(Long.class).single();
        long[] seen = {0};
        ReadAhead.<Included>each(dataSource, """
                select l.line_no, l.member_id, l.items::text, m.gender, m.birth_date, h.held::text
                  from membership.renewal_line l join membership.member m on m.id = l.member_id
                  left join lateral (select json_agg(e.coverages) as held from membership.enrolment e
                                      where e.member_id = l.member_id and e.status <> 'CANCELLED') h on true
                 where l.renewal_id = ? and l.included order by l.line_no""", List.of(renewalId), size,
                (rs, out) -> out.accept(new Included(rs.getInt(1), rs.getLong(2), CoverageJson.read(rs.getString(3)),
                        org.huzhu.shared.Gender.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        CoverageJson.readAll(rs.getString(6)))),
                lines -> {
                    seen[0] += lines.size();
                    chunk.accept(lines);
                });
        if (seen[0] != expected) {
            throw new IllegalStateException("renewal " + renewalId + ": " + seen[0] + " included lines read of " + expected);
        }
    }

    /** Workers on more than one included line of the renewal. */
    List<Long> onSeveralLines(long renewalId) {
        return jdbc.sql("select member_id from membership.renewal_line where renewal_id = ? and included group by member_id having count(*) > 1")
                .param(renewalId).query(Long.class).list();
    }

    record Included(int lineNo, long memberId, List<Coverage> items, org.huzhu.shared.Gender gender, LocalDate birthDate,
                    List<Coverage> held) {
    }

    /** Sets lines out, each with its reason, in one statement. */
    void setOut(long renewalId, List<Integer> lineNos, List<String> reasons) {
        if (lineNos.isEmpty()) return;
        jdbc.sql("""
                update membership.renewal_line l set included = false, reason = o.reason
                  from unnest(?, ?) as o (line_no, reason) where l.renewal_id = ? and l.line_no = o.line_no""")
                .params(lineNos.toArray(Integer[]::new), reasons.toArray(String[]::new), renewalId).update();
    }

    Totals totals(long renewalId) {
        return jdbc.sql("""
                select count(*), count(*) filter (where included), count(*) filter (where not included),
                       count(*) filter (where source = 'LAST_YEAR'), count(*) filter (where source = 'ROSTER'),
                       count(*) filter (where source = 'ADDED'), coalesce(sum(premium) filter (where included), 0)
                  from membership.renewal_line where renewal_id = ?""")
                .param(renewalId)
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        new Money(rs.getBigDecimal(7))))
                .single();
    }

    void confirm(long id, String by, Instant at, long billId) {
        jdbc.sql("update membership.renewal set status = 'CONFIRMED', decided_by = ?, decided_at = ?, bill_id = ? where id = ?")
                .params(by, Timestamp.from(at), billId, id).update();
    }

    void discard(long id, String by, Instant at) {
        jdbc.sql("update membership.renewal set status = 'DISCARDED', decided_by = ?, decided_at = ? where id = ? and status = 'PROPOSED'")
                .params(by, Timestamp.from(at), id).update();
    }

    private static final String SELECT = """
            select id, unit_id, org_path, status, window_from, window_to, roster_file, created_by, created_at, decided_by, decided_at,
                   bill_id from membership.renewal""";

    private static final String LINES = """
            select line_no, member_id, name, id_masked, source, included, reason, items::text, premium, cover_to
              from membership.renewal_line""";

    private Stored stored(java.sql.ResultSet rs, int n) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Stored(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("org_path"), RenewalStatus.valueOf(rs.getString("status")),
                rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class), rs.getString("roster_file"),
                rs.getString("created_by"), created.toInstant(), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getObject("bill_id", Long.class));
    }

    private Line line(java.sql.ResultSet rs, int n) throws SQLException {
        return new Line(rs.getInt(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), RenewalLineSource.valueOf(rs.getString(5)),
                rs.getBoolean(6), rs.getString(7), CoverageJson.read(rs.getString(8)), new Money(rs.getBigDecimal(9)),
                rs.getObject(10, LocalDate.class));
    }
}
