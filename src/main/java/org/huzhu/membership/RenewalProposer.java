package org.huzhu.membership;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.membership.roster.RosterFileException;
import org.huzhu.membership.roster.RosterReader;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.ReadAhead;
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
    static final String REPEATED_ROW = "花名册中重复的行：同一身份证号码已在前面列明，按前一行办理";
    private static final int CHUNK = 5000;

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

    /**
     * Writes the proposal's lines; runs in the caller's transaction. The roster is read first (its changes kept by
     * worker); last year's list then streams from one read, worker by worker, each line taking the roster's change
     * and going out with COPY a chunk at a time (while the read prepares the next); the roster's other lines follow, in
     * the roster's order.
     */
    void propose(long renewalId, Unit unit, CatalogueVersion terms, LocalDate windowFrom, LocalDate windowTo, Path roster,
                 RosterRowParser parser) {
        Prices prices = new Prices(terms);
        RenewalRosterOverlay overlay = roster == null ? new RenewalRosterOverlay() : overlay(roster, parser, unit, prices);
        LineSink sink = new LineSink(renewalId);
        lastYear(unit, prices, windowFrom, windowTo, l -> sink.add(overlay.over(l)));
        overlay.extras(sink::add);
        sink.flush();
    }

    /** The proposal's lines, numbered as they come and copied in chunks (while the read that feeds them goes on). */
    private final class LineSink {
        private final long renewalId;
        private final List<RenewalRepository.Line> chunk = new ArrayList<>(CHUNK);
        private int lineNo;

        LineSink(long renewalId) {
            this.renewalId = renewalId;
        }

        void add(RenewalRepository.Line l) {
            chunk.add(new RenewalRepository.Line(++lineNo, l.memberId(), l.name(), l.idMasked(), l.source(), l.included(), l.reason(),
                    l.items(), l.premium(), l.coverTo()));
            if (chunk.size() == CHUNK) flush();
        }

        void flush() {
            if (chunk.isEmpty()) return;
            try {
                renewals.copyLines(DataSourceUtils.getConnection(dataSource), renewalId, chunk);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of renewal lines failed", e);
            }
            chunk.clear();
        }
    }

    /**
     * Last year's list, streamed in the order of workers: one line per worker, the items whose cover ends in the window,
     * not renewed or awaiting payment. Read ahead on a connection of its own (what was committed before the proposal
     * began: its own writes, newcomers, have no enrolments yet), so that the next chunk arrives while this one is copied.
     */
    private void lastYear(Unit unit, Prices prices, LocalDate windowFrom, LocalDate windowTo, Consumer<RenewalRepository.Line> each) {
        ReadAhead.each(dataSource, """
                select e.member_id, e.coverages::text, m.name, m.id_masked, m.unit_id, m.left_unit_on, m.died_on
                  from membership.enrolment e join membership.member m on m.id = e.member_id
                 where e.unit_id = ? and e.status <> 'CANCELLED' and (e.status = 'AWAITING_PAYMENT' or e.coverage_to >= ?)
                 order by e.member_id, e.id""", List.of(unit.id(), windowFrom), CHUNK, new ReadAhead.Reader<RenewalRepository.Line>() {
            private Worker current;

            @Override
            public void row(ResultSet rs, Consumer<RenewalRepository.Line> out) throws SQLException {
                long memberId = rs.getLong(1);
                Worker w = current;
                if (w == null || w.memberId != memberId) {
                    if (w != null) w.toLine().ifPresent(out);
                    boolean died = rs.getObject(7) != null;
                    boolean left = died || rs.getObject(6) != null || rs.getObject(5, Long.class) == null || rs.getLong(5) != unit.id();
                    current = w = new Worker(memberId, rs.getString(3), rs.getString(4), !left, died ? DECEASED : left ? LEFT : null);
                }
                for (Coverage c : CoverageJson.read(rs.getString(2))) {
                    boolean endsInWindow = c.inForce() && !c.to().isBefore(windowFrom) && !c.to().isAfter(windowTo);
                    if (endsInWindow) w.renew(prices.priced(c.item(), c.plan(), c.shares()), c.to());
                    else w.later.add(c);
                }
            }

            @Override
            public void end(Consumer<RenewalRepository.Line> out) {
                if (current != null) current.toLine().ifPresent(out);
            }
        }, lines -> lines.forEach(each));
    }

    /** One worker of last year's list while their enrolments are read. */
    private static final class Worker {
        final long memberId;
        final String name;
        final String idMasked;
        final boolean included;
        final String reason;
        final List<Coverage> items = new ArrayList<>(2);
        final List<Coverage> later = new ArrayList<>(0);
        LocalDate coverTo;

        Worker(long memberId, String name, String idMasked, boolean included, String reason) {
            this.memberId = memberId;
            this.name = name;
            this.idMasked = idMasked;
            this.included = included;
            this.reason = reason;
        }

        void renew(Coverage priced, LocalDate to) {
            items.add(priced);
            if (coverTo == null || to.isAfter(coverTo)) coverTo = to;
        }

        /** The worker's line; none when nothing ends in the window, or all of it is renewed already. */
        Optional<RenewalRepository.Line> toLine() {
            if (items.isEmpty()) return Optional.empty();
            List<Coverage> renew = later.isEmpty() ? items : withoutRenewed(items, later, coverTo);
            if (renew.isEmpty()) return Optional.empty();
            return Optional.of(RenewalProposer.line(memberId, name, idMasked, RenewalLineSource.LAST_YEAR, included, reason, renew,
                    coverTo));
        }
    }

    /** An item renewed already (later cover in force, or awaiting payment) is not proposed again. */
    private static List<Coverage> withoutRenewed(List<Coverage> items, List<Coverage> other, LocalDate coverTo) {
        List<Coverage> kept = new ArrayList<>(items.size());
        for (Coverage i : items) {
            boolean renewed = false;
            for (Coverage o : other) renewed |= o.item().equals(i.item()) && (!o.inForce() || o.to().isAfter(coverTo));
            if (!renewed) kept.add(i);
        }
        return kept;
    }

    /** This year's price of each item's plans, looked up once. */
    private static final class Prices {
        private final CatalogueVersion terms;
        private final Map<String, Money> byPlan = new HashMap<>();

        Prices(CatalogueVersion terms) {
            this.terms = terms;
        }

        Coverage priced(String item, String plan, int shares) {
            Money price = byPlan.computeIfAbsent(item + '\u0000' + plan,
                    k -> terms.item(item).flatMap(i -> i.plan(plan)).map(CatalogueVersion.Plan::price).orElse(Money.ZERO));
            return new Coverage(item, plan, shares, null, null, price.times(shares), false);
        }

        String planOf(EnrolmentRules.Requested r) {
            if (r.plan() != null && !r.plan().isBlank()) return r.plan();
            return terms.item(r.item()).map(CatalogueVersion.Item::defaultPlan).orElse(r.plan());
        }

        List<Coverage> priced(RosterLine row) {
            List<Coverage> items = new ArrayList<>(row.lines().size());
            for (EnrolmentRules.Requested r : row.lines()) items.add(priced(r.item(), planOf(r), r.shares()));
            return items;
        }
    }

    static RenewalRepository.Line line(Long memberId, String name, String idMasked, RenewalLineSource source, boolean included,
                                       String reason, List<Coverage> items, LocalDate coverTo) {
        Money premium = Money.ZERO;
        for (Coverage c : items) premium = premium.plus(c.premium());
        return new RenewalRepository.Line(0, memberId, name, idMasked, source, included, reason, List.copyOf(items), premium, coverTo);
    }

    /**
     * The uploaded roster over last year's list: a worker of the unit it names renews what the row says (plan and
     * shares changed, back in if marked as left); a worker not yet registered is registered now and renews as a
     * newcomer; a row with errors, or naming a worker of another unit, is listed out with the reason.
     */
    private RenewalRosterOverlay overlay(Path roster, RosterRowParser parser, Unit unit, Prices prices) {
        RenewalRosterOverlay overlay = new RenewalRosterOverlay();
        List<RosterLine> chunk = new ArrayList<>(CHUNK);
        try (RosterReader reader = RosterReader.open(roster)) {
            while (reader.hasNext()) {
                RosterRowParser.Outcome outcome = parser.parse(reader.next());
                if (!outcome.ok()) {
                    RosterRowParser.RowError first = outcome.errors().getFirst();
                    overlay.add(line(null, "第" + first.row() + "行", "—", RenewalLineSource.ROSTER, false,
                            first.field() + "：" + first.message(), List.of(), null));
                    continue;
                }
                chunk.add(outcome.line());
                if (chunk.size() == CHUNK) {
                    overlayChunk(chunk, unit, prices, overlay);
                    chunk.clear();
                }
            }
        } catch (RosterFileException e) {
            throw new UnreadableUploadException(e.getMessage());
        }
        if (!chunk.isEmpty()) overlayChunk(chunk, unit, prices, overlay);
        return overlay;
    }

    private void overlayChunk(List<RosterLine> rows, Unit unit, Prices prices, RenewalRosterOverlay overlay) {
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
        java.util.Set<String> newInChunk = new java.util.HashSet<>();   // a newcomer named twice is registered once
        for (int i = 0; i < rows.size(); i++) {
            RosterLine row = rows.get(i);
            List<Coverage> items = prices.priced(row);
            long[] member = found.get(Arrays.toString(hashes[i]));
            if (member == null && !newInChunk.add(Arrays.toString(hashes[i]))) {
                overlay.add(line(null, row.name(), row.idNumber().masked(), RenewalLineSource.ROSTER, false, REPEATED_ROW, items, null));
            } else if (member == null) {
                newcomers.add(row);
                newHashes.add(hashes[i]);
            } else if (member[1] != unit.id()) {
                overlay.add(line(null, row.name(), row.idNumber().masked(), RenewalLineSource.ROSTER, false,
                        MemberTransfers.REGISTERED_ELSEWHERE, items, null));
            } else if (member[2] == 1) {
                overlay.deceased(member[0], row.name(), row.idNumber().masked(), items);
            } else {
                overlay.change(member[0], row.name(), row.idNumber().masked(), items);
            }
        }
        if (newcomers.isEmpty()) return;
        long[] ids = register(newcomers, newHashes, unit);
        for (int i = 0; i < newcomers.size(); i++) {
            RosterLine row = newcomers.get(i);
            overlay.newcomer(ids[i], line(ids[i], row.name(), row.idNumber().masked(), RenewalLineSource.ROSTER, true, "新参保",
                    prices.priced(row), null));
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
}
