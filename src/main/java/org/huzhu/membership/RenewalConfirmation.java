package org.huzhu.membership;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.contributions.Contributions;
import org.huzhu.ledger.Ledger;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.CopyWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Confirms a stored renewal proposal, in the caller's transaction: its included lines, in chunks, are planned by
 * the same {@link EnrolmentRules} as any enrolment against the cover each worker holds (chained to the cover in
 * force: no gap, no waiting period), funded, booked (one ledger journal a chunk) and put on the renewal's one bill
 * awaiting payment through {@link Contributions#bill}, the path roster imports take; the enrolments go in with COPY.
 * A line the rules refuse now (changed since the proposal) is set out with the reason, never billed.
 */
@Component
class RenewalConfirmation {

    private static final int CHUNK = 5000;

    private final DataSource dataSource;
    private final Catalogue catalogue;
    private final RenewalRepository renewals;
    private final SubsidyGrants subsidies;
    private final Ledger ledger;
    private final Contributions contributions;
    private final Enrolments front;

    RenewalConfirmation(DataSource dataSource, Catalogue catalogue, RenewalRepository renewals,
                        SubsidyGrants subsidies, Ledger ledger, Contributions contributions, Enrolments front) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.renewals = renewals;
        this.subsidies = subsidies;
        this.ledger = ledger;
        this.contributions = contributions;
        this.front = front;
    }

    /** Bills the proposal; returns the bill's id, or null when no line could be renewed. */
    Long confirm(RenewalRepository.Stored renewal, Unit unit, LocalDate today, String by) {
        CatalogueVersion terms = catalogue.activeOn(today.plusDays(1));
        Long[] billId = {null};
        int[] chunkNo = {0};
        // held cover is read once, before any chunk: for a worker on more than one line (rare: a roster naming them twice),
        // what an earlier line planned is held too when the next one is judged
        Map<Long, List<Coverage>> renewed = new HashMap<>();
        for (long member : renewals.onSeveralLines(renewal.id())) renewed.put(member, new ArrayList<>());
        renewals.eachIncluded(renewal.id(), CHUNK, lines -> {
            Long bill = chunk(renewal, unit, terms, lines, ++chunkNo[0], today, by, renewed);
            if (bill != null) billId[0] = bill;
        });
        if (billId[0] == null) return null;
        contributions.issued(Contributions.BatchKind.RENEWAL, renewal.id());
        return billId[0];
    }

    private Long chunk(RenewalRepository.Stored renewal, Unit unit, CatalogueVersion terms, List<RenewalRepository.Included> lines,
                       int chunkNo, LocalDate today, String by, Map<Long, List<Coverage>> renewed) {
        List<RenewalRepository.Included> accepted = new ArrayList<>(lines.size());
        List<EnrolmentRules.Planned> planned = new ArrayList<>(lines.size());
        List<Integer> refused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (RenewalRepository.Included l : lines) {
            List<EnrolmentRules.Requested> requested = new ArrayList<>(l.items().size());
            for (Coverage c : l.items()) requested.add(new EnrolmentRules.Requested(c.item(), c.plan(), c.shares()));
            List<Coverage> held = l.held();
            List<Coverage> earlier = renewed.get(l.memberId());
            if (earlier != null) {
                held = new ArrayList<>(held);
                held.addAll(earlier);
            }
            EnrolmentRules.Result result = EnrolmentRules.plan(terms, l.gender(), l.birthDate(), requested, today, held, false);
            if (result.ok()) {
                if (earlier != null) earlier.addAll(result.planned().coverages());
                accepted.add(l);
                planned.add(result.planned());
            } else {
                refused.add(l.lineNo());
                reasons.add("确认时未通过：" + result.problems().getFirst().message());
            }
        }
        renewals.setOut(renewal.id(), refused, reasons);
        if (accepted.isEmpty()) return null;
        try (SubsidyGrants.Session funding = subsidies.open(unit)) {
            List<Funding> splits = new ArrayList<>(accepted.size());
            Money unitPays = Money.ZERO;
            Money unionPays = Money.ZERO;
            Money memberPays = Money.ZERO;
            for (EnrolmentRules.Planned p : planned) {
                Funding split = funding.fund(terms, p.premium(), today.getYear());
                splits.add(split);
                unitPays = unitPays.plus(split.unit());
                unionPays = unionPays.plus(split.union());
                memberPays = memberPays.plus(split.member());
            }
            funding.close();
            long journalId = ledger.post(EnrolmentBooking.contributionBilled("renewal:" + renewal.id() + ":chunk:" + chunkNo + ":billed",
                    "RENEWAL", renewal.id() + "#" + chunkNo, "单位续保缴费应收（续保 " + renewal.id() + "，第 " + chunkNo + " 批，"
                            + accepted.size() + " 人）", today, unit.path(), unitPays, unionPays, memberPays, Money.ZERO));
            Contributions.Billed bill = contributions.bill(Contributions.BatchKind.RENEWAL, renewal.id(), unit.id(), unit.path(),
                    new Contributions.BatchTotals(accepted.size(), unitPays, unionPays, memberPays), null, by);
            copyEnrolments(renewal, unit, terms, accepted, planned, splits, journalId, funding.budgetOrgId(today.getYear()), bill.billId());
            if (bill.paid()) front.bringIntoForce(bill.billId(), bill.paidOn());   // the union pays it all: in force at once
            return bill.billId();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed for renewal " + renewal.id() + " chunk " + chunkNo, e);
        }
    }

    private void copyEnrolments(RenewalRepository.Stored renewal, Unit unit, CatalogueVersion terms, List<RenewalRepository.Included> lines,
                                List<EnrolmentRules.Planned> planned, List<Funding> splits, long journalId, Long budgetOrg, long billId)
            throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyWriter copy = CopyWriter.open(connection, """
                COPY membership.enrolment (member_id, unit_id, org_path, catalogue_version, coverages, premium, funding_policy,
                    unit_pays, union_pays, member_pays, gift, subsidy_org_id, journal_id, status, bill_id) FROM STDIN""");
        for (int i = 0; i < lines.size(); i++) {
            EnrolmentRules.Planned p = planned.get(i);
            Funding f = splits.get(i);
            copy.number(lines.get(i).memberId()).number(unit.id()).text(unit.path()).text(terms.code())
                    .text(CoverageJson.write(Enrolments.awaiting(p.coverages()))).decimal(p.premium()).text(f.policy())
                    .decimal(f.unit()).decimal(f.union()).decimal(f.member()).decimal(p.gift())
                    .number(f.union().isZero() ? null : budgetOrg).number(journalId).text("AWAITING_PAYMENT").number(billId);
            copy.endRow();
        }
        copy.finish();
    }
}
