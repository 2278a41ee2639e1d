package org.huzhu.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.huzhu.shared.Money;

/** The answer of {@code GET /api/v1/reporting/dashboard} (shape: {@code docs/reporting.md}). */
public record Dashboard(Office office, Months period, String asOf, Enrolment enrolment, Claims claims, MoneyFigures money,
                        List<LeagueRow> league) {

    /** The same without the money (资金, the months' and the league's money): for a caller without the right to it. */
    Dashboard withoutMoney() {
        Enrolment e = enrolment;
        List<MonthRow> months = e.byMonth().stream().map(m -> new MonthRow(m.month(), m.personTimes(), m.newEnrolments(), m.renewals(),
                m.filed(), m.paid(), m.paidAmount(), null, null)).toList();
        return new Dashboard(office, period, asOf, new Enrolment(e.personTimes(), e.units(), e.newEnrolments(), e.renewals(),
                e.newFormPersonTimes(), e.cancellations(), e.target(), months, e.byOffice(), e.byOwnership(), e.byForm(), e.byItem()),
                claims, null, league.stream().map(r -> new LeagueRow(r.office(), r.personTimes(), r.units(), r.target(), r.share(),
                r.claimsPaid(), r.paidAmount(), null, null, r.withinPromiseShare(), r.overdueNow())).toList());
    }

    public record Office(long id, String name, String level, String levelName, String path) {
    }

    public record Months(String from, String to) {
    }

    /** An office below, or a unit ({@code unit} true) of a county. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfficeRef(long id, String name, Boolean unit) {
    }

    /** {@code cancellations}: enrolments cancelled (退保) in the period, not counted in the person-times. */
    public record Enrolment(long personTimes, long units, long newEnrolments, long renewals, long newFormPersonTimes,
                            long cancellations, Target target,
                            List<MonthRow> byMonth, List<OfficeRow> byOffice, List<OwnershipRow> byOwnership, List<FormRow> byForm,
                            List<ItemRow> byItem) {
    }

    public record Target(Long personTimes, Long units, Long newFormPersonTimes, Double personTimesShare, Double unitsShare,
                         Double newFormShare) {
    }

    public record MonthRow(String month, long personTimes, long newEnrolments, long renewals, long filed, long paid,
                           Money paidAmount, Money billed, Money received) {
    }

    public record OfficeRow(OfficeRef office, long personTimes, long units, Long target, Double share) {
    }

    public record OwnershipRow(String code, String name, long personTimes, long units) {
    }

    public record FormRow(String code, String name, long personTimes) {
    }

    public record ItemRow(String code, String name, long enrolments) {
    }

    public record Claims(long filed, long approved, long rejected, long paid, long personTimesPaid, Money paidAmount,
                         List<ItemPaidRow> byItem, WorkingDays workingDaysToPay, long overdueNow) {
    }

    public record ItemPaidRow(String code, String name, Money paidAmount, long paid) {
    }

    public record WorkingDays(Double average, Integer p90, Double withinPromiseShare) {
    }

    /** {@code refunds}: what was refunded for the enrolments cancelled in the period. */
    public record MoneyFigures(Money billed, Money received, Money outstanding, Subsidy subsidy, Gifts gifts, long payoutsFailed,
                               long payoutsBounced, Double lossRatio, Money refunds) {
    }

    public record Subsidy(Money budget, Money drawn, Money left) {
    }

    /** {@code quota} null: no office of this part of the tree has a quota (the gifts draw on one set above it). */
    public record Gifts(Long quota, long granted) {
    }

    public record LeagueRow(OfficeRef office, long personTimes, long units, Long target, Double share, long claimsPaid,
                            Money paidAmount, Money billed, Double lossRatio, Double withinPromiseShare, long overdueNow) {
    }
}
