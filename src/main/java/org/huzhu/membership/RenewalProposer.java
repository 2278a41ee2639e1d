package org.huzhu.membership;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.membership.roster.RosterFileException;
import org.huzhu.membership.roster.RosterReader;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.web.UnreadableUploadException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Builds a unit's renewal proposal from last year's list: every worker of the unit's enrolments whose cover
 * of an item ends within the renewal window and is not renewed yet, with the same items, plans and shares;
 * workers who left the unit are listed out, with the reason. An uploaded roster (read by the roster import's
 * own reader and row parser) then changes plans and shares of the workers it names and adds newcomers,
 * who are registered as the unit's members (registered is not insured: their cover waits for confirm).
 */
@Component
class RenewalProposer {

    static final String LEFT = "已离开本单位，不再续保";
    static final String DECEASED = "职工已身故，不再续保";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PersonalDataCipher cipher;
    private final RenewalRepository renewals;
    private final RosterChunkWriter rosterWriter;

    RenewalProposer(JdbcClient jdbc, DataSource dataSource, PersonalDataCipher cipher, RenewalRepository renewals,
                    RosterChunkWriter rosterWriter) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.renewals = renewals;
        this.rosterWriter = rosterWriter;
    }

    /** Writes the proposal's lines; runs in the caller's transaction. */
    void propose(long renewalId, Unit unit, CatalogueVersion terms, LocalDate windowFrom, LocalDate windowTo, Path roster,
                 RosterRowParser parser) {
        Map<Long, RenewalRepository.Line> byMember = lastYear(unit, terms, windowFrom, windowTo);
        List<RenewalRepository.Line> extra = roster == null ? List.of() : overlay(roster, parser, unit, terms, byMember);
        List<RenewalRepository.Line> lines = new ArrayList<>(byMember.size() + extra.size());
        int n = 0;
        for (RenewalRepository.Line l : byMember.values()) lines.add(numbered(l, ++n));
        for (RenewalRepository.Line l : extra) lines.add(numbered(l, ++n));
        try {
            renewals.copyLines(DataSourceUtils.getConnection(dataSource), renewalId, lines);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of renewal lines failed", e);
        }
    }

    private static RenewalRepository.Line numbered(RenewalRepository.Line l, int n) {
        return new RenewalRepository.Line(n, l.memberId(), l.name(), l.idMasked(), l.source(), l.included(), l.reason(), l.items(),
                l.premium(), l.coverTo());
    }

    /** Last year's list: one line per worker, the items whose cover ends in the window, not renewed or awaiting payment. */
    private Map<Long, RenewalRepository.Line> lastYear(Unit unit, CatalogueVersion terms, LocalDate windowFrom, LocalDate windowTo) {
        Map<Long, RenewalRepository.Line> lines = new LinkedHashMap<>();
        Map<Long, List<Coverage>> later = new HashMap<>();
        jdbc.sql("""
                select e.member_id, e.status, e.coverages::text, m.name, m.id_masked, m.unit_id, m.left_unit_on, m.died_on
                  from membership.enrolment e join membership.member m on m.id = e.member_id
                 where e.unit_id = ? and e.status <> 'CANCELLED' and (e.status = 'AWAITING_PAYMENT' or e.coverage_to >= ?)
                 order by e.member_id, e.id""")
                .params(unit.id(), windowFrom)
                .query(rs -> {
                    long memberId = rs.getLong(1);
                    List<Coverage> coverages = CoverageJson.read(rs.getString(3));
                    List<Coverage> renew = new ArrayList<>();
                    for (Coverage c : coverages) {
                        if (c.inForce() && !c.to().isBefore(windowFrom) && !c.to().isAfter(windowTo)) renew.add(c);
                        else later.computeIfAbsent(memberId, k -> new ArrayList<>()).add(c);
                    }
                    if (renew.isEmpty()) return;
                    boolean died = rs.getObject(8) != null;
                    boolean left = died || rs.getObject(7) != null || rs.getObject(6, Long.class) == null || rs.getLong(6) != unit.id();
                    RenewalRepository.Line before = lines.get(memberId);
                    List<Coverage> items = new ArrayList<>(before == null ? List.of() : before.items());
                    LocalDate coverTo = before == null ? null : before.coverTo();
                    for (Coverage c : renew) {
                        items.add(priced(terms, c.item(), c.plan(), c.shares()));
                        if (coverTo == null || c.to().isAfter(coverTo)) coverTo = c.to();
                    }
                    lines.put(memberId, line(memberId, rs.getString(4), rs.getString(5), RenewalLineSource.LAST_YEAR, !left,
                            died ? DECEASED : left ? LEFT : null, items, coverTo));
                });
        // an item renewed already (later cover in force, or awaiting payment) is not proposed again
        lines.replaceAll((memberId, l) -> withoutRenewed(l, later.getOrDefault(memberId, List.of())));
        lines.values().removeIf(l -> l.items().isEmpty());
        return lines;
    }

    private static RenewalRepository.Line withoutRenewed(RenewalRepository.Line l, List<Coverage> other) {
        List<Coverage> items = l.items().stream().filter(i -> other.stream().noneMatch(o -> o.item().equals(i.item())
                && (!o.inForce() || o.to().isAfter(l.coverTo())))).toList();
        return items.size() == l.items().size() ? l : line(l.memberId(), l.name(), l.idMasked(), l.source(), l.included(), l.reason(),
                items, l.coverTo());
    }

    private static Coverage priced(CatalogueVersion terms, String item, String plan, int shares) {
        Money price = terms.item(item).flatMap(i -> i.plan(plan)).map(CatalogueVersion.Plan::price).orElse(Money.ZERO);
        return new Coverage(item, plan, shares, null, null, price.times(shares), false);
    }

    private static RenewalRepository.Line line(Long memberId, String name, String idMasked, RenewalLineSource source, boolean included,
                                               String reason, List<Coverage> items, LocalDate coverTo) {
        Money premium = items.stream().map(Coverage::premium).reduce(Money.ZERO, Money::plus);
        return new RenewalRepository.Line(0, memberId, name, idMasked, source, included, reason, List.copyOf(items), premium, coverTo);
    }

    /**
     * The uploaded roster over last year's list: a worker of the unit it names renews what the row says (plan and
     * shares changed, back in if marked as left); a worker not yet registered is registered now and renews as a
     * newcomer; a row with errors, or naming a worker of another unit, is listed out with the reason.
     */
    private List<RenewalRepository.Line> overlay(Path roster, RosterRowParser parser, Unit unit, CatalogueVersion terms,
                                                 Map<Long, RenewalRepository.Line> byMember) {
        List<RenewalRepository.Line> extra = new ArrayList<>();
        List<RosterLine> chunk = new ArrayList<>(5000);
        try (RosterReader reader = RosterReader.open(roster)) {
            while (reader.hasNext()) {
                RosterRowParser.Outcome outcome = parser.parse(reader.next());
                if (!outcome.ok()) {
                    RosterRowParser.RowError first = outcome.errors().getFirst();
                    extra.add(line(null, "第" + first.row() + "行", "—", RenewalLineSource.ROSTER, false,
                            first.field() + "：" + first.message(), List.of(), null));
                    continue;
                }
                chunk.add(outcome.line());
                if (chunk.size() == 5000) {
                    overlayChunk(chunk, unit, terms, byMember, extra);
                    chunk.clear();
                }
            }
        } catch (RosterFileException e) {
            throw new UnreadableUploadException(e.getMessage());
        }
        if (!chunk.isEmpty()) overlayChunk(chunk, unit, terms, byMember, extra);
        return extra;
    }

    private void overlayChunk(List<RosterLine> rows, Unit unit, CatalogueVersion terms, Map<Long, RenewalRepository.Line> byMember,
                              List<RenewalRepository.Line> extra) {
        byte[][] hashes = new byte[rows.size()][];
        for (int i = 0; i < rows.size(); i++) hashes[i] = MemberFacts.idHash(cipher, rows.get(i).idNumber());
        Map<String, long[]> found = new HashMap<>();   // id hash (hex) -> {member id, unit id or -1, 1 when deceased}
        jdbc.sql("select id, id_hash, unit_id, died_on is not null from membership.member where id_hash = any(?)").param(hashes)
                .query(rs -> {
                    Long unitId = rs.getObject(3, Long.class);
                    found.put(Arrays.toString(rs.getBytes(2)), new long[]{rs.getLong(1), unitId == null ? -1 : unitId, rs.getBoolean(4) ? 1 : 0});
                });
        List<RosterLine> newcomers = new ArrayList<>();
        List<byte[]> newHashes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RosterLine row = rows.get(i);
            List<Coverage> items = row.lines().stream().map(r -> priced(terms, r.item(), planOf(terms, r), r.shares())).toList();
            long[] member = found.get(Arrays.toString(hashes[i]));
            if (member == null) {
                newcomers.add(row);
                newHashes.add(hashes[i]);
            } else if (member[1] != unit.id()) {
                extra.add(line(null, row.name(), row.idNumber().masked(), RenewalLineSource.ROSTER, false,
                        MemberTransfers.REGISTERED_ELSEWHERE, items, null));
            } else if (member[2] == 1) {   // a roster cannot bring back a worker whose death is recorded
                RenewalRepository.Line before = byMember.get(member[0]);
                if (before == null) extra.add(line(member[0], row.name(), row.idNumber().masked(), RenewalLineSource.ROSTER, false, DECEASED, items, null));
            } else {
                RenewalRepository.Line before = byMember.get(member[0]);
                RenewalRepository.Line changed = line(member[0], row.name(), row.idNumber().masked(),
                        before == null ? RenewalLineSource.ROSTER : before.source(), true,
                        before == null ? "花名册列明" : changeNote(before, items), items, before == null ? null : before.coverTo());
                if (before == null) extra.add(changed);
                else byMember.put(member[0], changed);
            }
        }
        if (newcomers.isEmpty()) return;
        long[] ids = register(newcomers, newHashes, unit);
        for (int i = 0; i < newcomers.size(); i++) {
            RosterLine row = newcomers.get(i);
            List<Coverage> items = row.lines().stream().map(r -> priced(terms, r.item(), planOf(terms, r), r.shares())).toList();
            extra.add(line(ids[i], row.name(), row.idNumber().masked(), RenewalLineSource.ROSTER, true, "新参保", items, null));
        }
    }

    private long[] register(List<RosterLine> newcomers, List<byte[]> hashes, Unit unit) {
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            long[] ids = rosterWriter.allocate("membership.member", newcomers.size());
            rosterWriter.copyMembers(connection, newcomers, hashes, ids, unit);
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of newcomers failed", e);
        }
    }

    private static String planOf(CatalogueVersion terms, EnrolmentRules.Requested r) {
        if (r.plan() != null && !r.plan().isBlank()) return r.plan();
        return terms.item(r.item()).map(CatalogueVersion.Item::defaultPlan).orElse(r.plan());
    }

    /** In words, what the roster changed of last year's cover (or that it confirms it). */
    private static String changeNote(RenewalRepository.Line before, List<Coverage> now) {
        String was = describe(before.items());
        String is = describe(now);
        return was.equals(is) ? (before.included() ? null : "花名册列明，恢复续保") : "花名册调整：" + was + " → " + is;
    }

    static String describe(List<Coverage> items) {
        return String.join("、", items.stream().map(c -> c.item() + ":" + c.plan() + "×" + c.shares()).sorted().toList());
    }
}
