package org.huzhu.membership;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.contributions.Contributions;
import org.huzhu.ledger.Ledger;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Masks;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.CopyWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols one chunk of roster rows in one transaction: members, enrolments, the chunk's ledger
 * journal, its bills (one bill per import for rows declared paid, settled by the chunk's
 * DECLARED payment; another for rows awaiting payment), its row errors and the import's progress
 * commit together or not at all, so a row is either fully enrolled or not, and a crash resumes
 * after the last committed chunk. Rows go in with COPY; the rules are the same
 * {@link EnrolmentRules} the API uses.
 */
@Component
class RosterChunkWriter {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PersonalDataCipher cipher;
    private final SubsidyGrants subsidies;
    private final Ledger ledger;
    private final RosterImportRepository imports;
    private final Catalogue catalogue;
    private final EnrolmentRepository enrolments;
    private final Contributions contributions;
    private final ApplicationEventPublisher events;
    private final Map<String, Long> sequences = new java.util.concurrent.ConcurrentHashMap<>();

    RosterChunkWriter(JdbcClient jdbc, DataSource dataSource, PersonalDataCipher cipher, SubsidyGrants subsidies,
                      Ledger ledger, RosterImportRepository imports, Catalogue catalogue, EnrolmentRepository enrolments,
                      Contributions contributions, ApplicationEventPublisher events) {
        this.events = events;
        this.enrolments = enrolments;
        this.contributions = contributions;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.subsidies = subsidies;
        this.ledger = ledger;
        this.imports = imports;
        this.catalogue = catalogue;
    }

    /** Running totals of an import, carried from chunk to chunk. */
    static final class Totals {
        int processed;
        int accepted;
        int rejected;
        int alreadyEnrolled;
        int awaitingFinance;
    }

    record Chunk(int number, int rowsRead, List<RosterLine> lines, List<RosterRowParser.RowError> errors) {
    }

    @Transactional
    public void write(long importId, Unit unit, Chunk chunk, Totals totals, RosterRowParser parser, LocalDate today) {
        jdbc.sql("select pg_advisory_xact_lock(7411, ?)").param((int) unit.id()).query(rs -> { });
        List<RosterRowParser.RowError> errors = new ArrayList<>(chunk.errors());
        List<RosterRowParser.RowError> repeats = new ArrayList<>();
        List<RosterRowParser.RowError> waitingForFinance = new ArrayList<>();
        int n = chunk.lines().size();
        byte[][] hashes = new byte[n][];
        for (int i = 0; i < n; i++) hashes[i] = MemberFacts.idHash(cipher, chunk.lines().get(i).idNumber());

        Map<ByteKey, Long> existing = existingMembers(hashes, unit, imports.scopePath(importId));
        Long[] reachable = existing.values().stream().filter(id -> id >= 0).toArray(Long[]::new);
        Map<Long, List<Coverage>> held = reachable.length == 0 ? Map.of() : enrolments.coveragesOf(reachable);

        List<RosterLine> accepted = new ArrayList<>(n);
        List<Long> memberIds = new ArrayList<>(n);
        List<byte[]> newHashes = new ArrayList<>();
        List<RosterLine> newMembers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RosterLine line = chunk.lines().get(i);
            Long memberId = existing.get(new ByteKey(hashes[i]));
            if (memberId != null && memberId < 0) {
                errors.add(new RosterRowParser.RowError(line.rowNumber(), line.name(), RosterRowParser.ID_NUMBER,
                        memberId == DECEASED ? "该职工已登记身故，不能参保" : MemberTransfers.REGISTERED_ELSEWHERE));
                continue;
            }
            if (memberId != null && held.containsKey(memberId)) {
                if (RosterRepeats.alreadyHeld(line, held.get(memberId), today, catalogue.activeOn(today).renewalGapDays())) {
                    repeats.add(RosterRepeats.note(line));
                    continue;
                }
                RosterRowParser.Outcome again = parser.replan(line, held.get(memberId));
                if (!again.ok()) {
                    errors.addAll(again.errors());
                    continue;
                }
                line = again.line();
            }
            accepted.add(line);
            memberIds.add(memberId);
            if (memberId == null) {
                newHashes.add(hashes[i]);
                newMembers.add(line);
            }
        }

        try (SubsidyGrants.Session funding = subsidies.open(unit)) {
            List<Funding> splits = new ArrayList<>(accepted.size());
            BatchSums declared = new BatchSums();
            BatchSums awaiting = new BatchSums();
            Map<LocalDate, BatchSums> heldByDay = new TreeMap<>();
            boolean[] heldRows = new boolean[accepted.size()];
            for (int i = 0; i < accepted.size(); i++) {
                RosterLine line = accepted.get(i);
                Funding split = funding.fund(catalogue.activeOn(line.planned().from()), line.planned().premium(),
                        line.planningDay(today).getYear());
                splits.add(split);
                if (!line.awaitingPayment() && contributions.declarationAwaitsFinance(line.paidOn())) {
                    if (split.unit().plus(split.member()).isPositive()) heldRows[i] = true;
                    else accepted.set(i, line = line.unpaid());   // nothing of the unit's to confirm: cover from the bill's day, never back-dated
                }
                if (heldRows[i]) heldByDay.computeIfAbsent(line.paidOn(), d -> new BatchSums()).add(split);
                else (line.awaitingPayment() ? awaiting : declared).add(split);
            }
            Money unitTotal = declared.unit.plus(awaiting.unit);
            Money unionTotal = declared.union.plus(awaiting.union);
            Money memberTotal = declared.member.plus(awaiting.member);
            for (BatchSums day : heldByDay.values()) {
                unitTotal = unitTotal.plus(day.unit);
                unionTotal = unionTotal.plus(day.union);
                memberTotal = memberTotal.plus(day.member);
            }
            funding.close();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            long[] newIds = allocate("membership.member", newMembers.size());
            copyMembers(connection, newMembers, newHashes, newIds, unit);
            int next = 0;
            List<Long> moved = new ArrayList<>();
            for (int i = 0; i < memberIds.size(); i++) {
                if (memberIds.get(i) == null) memberIds.set(i, newIds[next++]);
                else moved.add(memberIds.get(i));
            }
            if (!moved.isEmpty()) {
                ContactsOfTransaction.forget();
                jdbc.sql("update membership.member set unit_id = ?, org_path = ?, left_unit_on = null where id = any(?)")
                        .params(unit.id(), unit.path(), moved.toArray(Long[]::new)).update();
            }
            if (!accepted.isEmpty()) {
                long journalId = ledger.post(EnrolmentBooking.contributionBilled(
                        "roster-import:" + importId + ":after-row:" + totals.processed + ":billed", "ROSTER_IMPORT",
                        importId + "#" + chunk.number(), "花名册批量参保缴费应收（导入 " + importId + "，第 " + chunk.number() + " 批，"
                                + accepted.size() + " 人）", today, unit.path(), unitTotal, unionTotal, memberTotal, Money.ZERO));
                Billing billing = bill(importId, unit, accepted, memberIds, declared, awaiting, heldByDay, heldRows, totals.processed,
                        held, today);
                for (int i = 0; i < accepted.size(); i++) {
                    if (!heldRows[i]) continue;
                    RosterLine l = accepted.get(i);
                    waitingForFinance.add(new RosterRowParser.RowError(l.rowNumber(), l.name(), RosterRowParser.PAID_ON,
                            "缴费日期 " + l.paidOn() + " 早于 " + contributions.declaredBackdateDays()
                                    + " 天前：已登记待缴费，财务核实到账后保障生效"));
                }
                long[] enrolmentIds = allocate("membership.enrolment", accepted.size());
                copyEnrolments(connection, importId, unit, accepted, memberIds, enrolmentIds, splits, journalId, funding, billing, today);
                publishInForce(accepted, memberIds, enrolmentIds, billing);
            }
            copyErrors(connection, importId, errors, "ERROR");
            copyErrors(connection, importId, repeats, "ALREADY_ENROLLED");
            copyErrors(connection, importId, waitingForFinance, "AWAITING_FINANCE");
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed for import " + importId + " chunk " + chunk.number(), e);
        }
        totals.processed += chunk.rowsRead();
        totals.accepted += accepted.size();
        totals.rejected += chunk.rowsRead() - accepted.size() - repeats.size();
        totals.alreadyEnrolled += repeats.size();
        totals.awaitingFinance += waitingForFinance.size();
        imports.progress(importId, totals.processed, totals.accepted, totals.rejected, totals.alreadyEnrolled, totals.awaitingFinance);
    }

    /** Marks, in {@link #existingMembers}, a worker registered outside the import's reach. */
    private static final long REGISTERED_ELSEWHERE = -1;
    /** Marks, in {@link #existingMembers}, a worker whose death is recorded. */
    private static final long DECEASED = -2;

    /**
     * The members the chunk's rows name, by ID hash. Only the unit's own members and members without a
     * unit that the uploader sees may be enrolled (and moved into the unit); any other is
     * {@link #REGISTERED_ELSEWHERE}: a row error that says nothing about where they are.
     */
    private Map<ByteKey, Long> existingMembers(byte[][] hashes, Unit unit, String uploaderScope) {
        Map<ByteKey, Long> found = new HashMap<>();
        if (hashes.length == 0) return found;
        jdbc.sql("select id, id_hash, unit_id, org_path, died_on is not null from membership.member where id_hash = any(?) order by id for update")
                .param(hashes)
                .query(rs -> {
                    Long unitId = rs.getObject(3, Long.class);
                    boolean reachable = unitId == null ? rs.getString(4).startsWith(uploaderScope) : unitId == unit.id();
                    found.put(new ByteKey(rs.getBytes(2)), !reachable ? REGISTERED_ELSEWHERE : rs.getBoolean(5) ? DECEASED : rs.getLong(1));
                });
        return found;
    }

    /** Ids taken ahead from the table's identity sequence (looked up once: per row it would cost more than the row). */
    long[] allocate(String table, int count) {
        if (count == 0) return new long[0];
        long sequence = sequences.computeIfAbsent(table, t -> jdbc.sql("select pg_get_serial_sequence(?, 'id')::regclass::oid")
                .param(t).query(Long.class).single());
        return jdbc.sql("select nextval(?::oid::regclass) from generate_series(1, ?)")
                .params(sequence, count).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    void copyMembers(Connection c, List<RosterLine> lines, List<byte[]> hashes, long[] ids, Unit unit) throws SQLException {
        if (lines.isEmpty()) return;
        CopyWriter copy = CopyWriter.open(c, """
                COPY membership.member (id, name, id_hash, id_cipher, id_masked, gender, birth_date, phone_cipher, phone_masked, employment_form,
                                        unit_id, org_path) FROM STDIN""");
        for (int i = 0; i < lines.size(); i++) {
            RosterLine l = lines.get(i);
            copy.number(ids[i]).text(l.name()).bytes(hashes.get(i)).bytes(cipher.encrypt(l.idNumber().value()))
                    .text(l.idNumber().masked()).text(l.idNumber().gender().name()).date(l.idNumber().birthDate())
                    .bytes(MemberFacts.phoneCipher(cipher, l.phone())).text(Masks.phone(l.phone())).text(l.form().name()).number(unit.id()).text(unit.path());
            copy.endRow();
        }
        copy.finish();
    }

    /**
     * The bills of the chunk's rows: rows declared paid go on the import's declared bill with a
     * DECLARED payment for the chunk (booked today, the day the roster declared them); rows with a
     * blank 缴费日期 go on the import's bill awaiting payment. Rows dated further back than the declared-payment
     * limit go on a declared bill of their own per declared day, whose declaration waits for finance: they are enrolled
     * awaiting payment, and come into force from the day after that day once a second person confirms the money.
     * {@code paidOn} holds, per row, the payment its cover runs from, or null while awaiting; {@code planned} its dated cover.
     */
    private record Billing(Long declaredBill, Long awaitingBill, Map<LocalDate, Long> heldBills, boolean[] held, LocalDate[] paidOn,
                           EnrolmentRules.Planned[] planned) {

        /** The bill row {@code i} goes on. */
        Long billOf(int i, RosterLine line) {
            if (held[i]) return heldBills.get(line.paidOn());
            return line.awaitingPayment() ? awaitingBill : declaredBill;
        }
    }

    /** Who pays what of the premiums of the chunk's rows that go on one bill. */
    private static final class BatchSums {
        int count;
        Money unit = Money.ZERO;
        Money union = Money.ZERO;
        Money member = Money.ZERO;

        void add(Funding f) {
            count++;
            unit = unit.plus(f.unit());
            union = union.plus(f.union());
            member = member.plus(f.member());
        }

        Contributions.BatchTotals totals() {
            return new Contributions.BatchTotals(count, unit, union, member);
        }
    }

    private Billing bill(long importId, Unit unit, List<RosterLine> lines, List<Long> memberIds, BatchSums declared,
                         BatchSums awaiting, Map<LocalDate, BatchSums> heldByDay, boolean[] heldRows, int afterRow,
                         Map<Long, List<Coverage>> held, LocalDate today) {
        LocalDate[] paidOn = new LocalDate[lines.size()];
        EnrolmentRules.Planned[] planned = new EnrolmentRules.Planned[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            paidOn[i] = heldRows[i] ? null : lines.get(i).paidOn();
            planned[i] = lines.get(i).planned();
        }
        String by = "花名册导入 #" + importId;
        Long declaredBill = null;
        Long awaitingBill = null;
        Map<LocalDate, Long> heldBills = new HashMap<>();
        String uploader = heldByDay.isEmpty() ? null : imports.find(importId).orElseThrow().createdBy();   // the declarer: finance's second person is someone else
        for (Map.Entry<LocalDate, BatchSums> day : heldByDay.entrySet()) {   // a bill per declared day: confirming that day's money completes it
            heldBills.put(day.getKey(), contributions.bill(Contributions.BatchKind.ROSTER_IMPORT, importId, unit.id(), unit.path(),
                    day.getValue().totals(), new Contributions.Declaration(day.getKey(),
                            "roster-" + importId + "-after-row-" + afterRow + "-paid-" + day.getKey()), uploader).billId());
        }
        if (declared.count > 0) {
            declaredBill = contributions.bill(Contributions.BatchKind.ROSTER_IMPORT, importId, unit.id(), unit.path(), declared.totals(),
                    new Contributions.Declaration(today, "roster-" + importId + "-after-row-" + afterRow), by).billId();
        }
        if (awaiting.count > 0) {
            Contributions.Billed bill = contributions.bill(Contributions.BatchKind.ROSTER_IMPORT, importId, unit.id(), unit.path(),
                    awaiting.totals(), null, by);
            awaitingBill = bill.billId();
            if (bill.paid()) {   // the unit owes nothing for these rows: in force from the bill's day
                for (int i = 0; i < lines.size(); i++) {
                    RosterLine l = lines.get(i);
                    if (!l.awaitingPayment()) continue;
                    paidOn[i] = bill.paidOn();
                    planned[i] = EnrolmentRules.inForce(catalogue.activeOn(l.planned().from()), l.planned().coverages(), bill.paidOn(),
                            memberIds.get(i) == null ? List.of() : held.getOrDefault(memberIds.get(i), List.of()));
                }
            }
        }
        return new Billing(declaredBill, awaitingBill, heldBills, heldRows, paidOn, planned);
    }

    /** The chunk's rows whose cover starts now (declared paid, or owing nothing), told in one event. */
    private void publishInForce(List<RosterLine> lines, List<Long> memberIds, long[] enrolmentIds, Billing billing) {
        List<EnrolmentsCameIntoForce.InForce> inForce = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (billing.paidOn()[i] == null) continue;
            inForce.add(EnrolmentsCameIntoForce.InForce.of(enrolmentIds[i], memberIds.get(i), billing.planned()[i].coverages(),
                    catalogue.activeOn(lines.get(i).planned().from())));
        }
        if (!inForce.isEmpty()) events.publishEvent(new EnrolmentsCameIntoForce(inForce));
    }

    private void copyEnrolments(Connection c, long importId, Unit unit, List<RosterLine> lines, List<Long> memberIds, long[] ids,
                                List<Funding> splits, long journalId, SubsidyGrants.Session funding, Billing billing,
                                LocalDate today) throws SQLException {
        CopyWriter copy = CopyWriter.open(c, """
                COPY membership.enrolment (id, member_id, unit_id, org_path, catalogue_version, paid_on, coverage_from,
                    coverage_to, coverages, premium, funding_policy, unit_pays, union_pays, member_pays, gift,
                    subsidy_org_id, roster_import_id, roster_row, journal_id, status, bill_id) FROM STDIN""");
        for (int i = 0; i < lines.size(); i++) {
            RosterLine l = lines.get(i);
            Funding f = splits.get(i);
            EnrolmentRules.Planned p = billing.planned()[i];
            LocalDate paidOn = billing.paidOn()[i];
            boolean inForce = paidOn != null;
            copy.number(ids[i]).number(memberIds.get(i)).number(unit.id()).text(unit.path())
                    .text(catalogue.activeOn(l.planned().from()).code()).date(paidOn).date(inForce ? p.from() : null)
                    .date(inForce ? p.to() : null)
                    .text(CoverageJson.write(inForce ? p.coverages() : Enrolments.awaiting(p.coverages()))).decimal(p.premium())
                    .text(f.policy()).decimal(f.unit()).decimal(f.union()).decimal(f.member()).decimal(p.gift())
                    .number(f.union().isZero() ? null : funding.budgetOrgId(l.planningDay(today).getYear()))
                    .number(importId).number(l.rowNumber()).number(journalId)
                    .text(inForce ? "IN_FORCE" : "AWAITING_PAYMENT")
                    .number(billing.billOf(i, l));
            copy.endRow();
        }
        copy.finish();
    }

    private void copyErrors(Connection c, long importId, List<RosterRowParser.RowError> errors, String kind) throws SQLException {
        if (errors.isEmpty()) return;
        CopyWriter copy = CopyWriter.open(c, "COPY membership.roster_import_error (import_id, row_no, field, message, worker_name, kind) FROM STDIN");
        for (RosterRowParser.RowError e : errors) {
            copy.number(importId).number(e.row()).text(e.field()).text(e.message()).text(e.name()).text(kind);
            copy.endRow();
        }
        copy.finish();
    }

    /** A byte array usable as a map key. */
    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
