package org.huzhu.contributions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.huzhu.shared.database.Pipeline;
import org.huzhu.shared.scope.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether money a unit declared paid (单位申报已缴) has been shown by the bank: a declared payment not matched to a
 * statement line within {@code huzhu.contributions.unconfirmed-after-working-days} working days (10; counted from the
 * business day it was applied to its bill) is unconfirmed (未确认到账). Finance lists those; a bill says so; and membership
 * asks which bills behind a member's cover are unconfirmed, so that claims on that cover go to a reviewer.
 */
@Service
public class PaymentTruth {

    /** A declared payment the bank has not shown in time, for finance's list 未到账确认. */
    public record UnconfirmedPayment(long paymentId, long billId, String billReference, Long unitId, String unitName, Money amount,
                                     Money bankConfirmed, LocalDate paidOn, LocalDate declaredOn, LocalDate confirmBy,
                                     String declaredBy) {
    }

    /** How a bill's declared money stands with the bank, and its back-dated declarations waiting for or decided by finance. */
    public record Confirmation(String status, String statusName, LocalDate confirmBy, List<DeclaredPayments.DeclarationView> declarations) {
    }

    /** Where to pay a bill: the fund's receiving account and what to write in the transfer's remittance information. */
    public record Transfer(String accountName, String bank, String accountNumber, String reference, String note) {
    }

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final PaymentTruthSettings settings;
    private final Organisations organisations;
    private final Clock clock;

    PaymentTruth(JdbcClient jdbc, BusinessCalendar calendar, PaymentTruthSettings settings, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.settings = settings;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Declared money the bank has not shown, declared on the cutoff day ({@code ?}, {@link #cutoff}) or before. */
    private static final String UNCONFIRMED_BY_CUTOFF = "source = 'DECLARED' and reversed_on is null and confirmed < amount and declared_on <= ?";

    /** Of the given bills, those with declared money the bank has not shown in time (as of today). */
    public Set<Long> unconfirmedBills(Collection<Long> billIds) {
        if (billIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select distinct bill_id from contributions.payment where bill_id = any(?) and " + UNCONFIRMED_BY_CUTOFF)
                .params(billIds.toArray(Long[]::new), cutoff()).query(Long.class).list());
    }

    /** The most bills with unconfirmed money {@link #unconfirmedBills(Pipeline)} answers with; past that, ask by bill. */
    static final int UNCONFIRMED_AT_MOST = 500;

    /**
     * The question {@link #unconfirmedBills(Collection)} answers, asked of every bill at once and added to the caller's
     * pipeline, so that it travels with the caller's own read before the caller knows which bills matter: every bill with
     * declared money the bank has not shown in time (as of today), or empty when there are more than
     * {@value #UNCONFIRMED_AT_MOST} of them (then ask {@link #unconfirmedBills(Collection)} for the bills that matter).
     */
    public Supplier<Optional<Set<Long>>> unconfirmedBills(Pipeline pipeline) {
        return pipeline.add("select distinct bill_id from contributions.payment where " + UNCONFIRMED_BY_CUTOFF + " limit ?",
                List.of(cutoff(), UNCONFIRMED_AT_MOST + 1), rs -> {
                    Set<Long> bills = new HashSet<>();
                    while (rs.next()) bills.add(rs.getLong(1));
                    return bills.size() > UNCONFIRMED_AT_MOST ? Optional.empty() : Optional.of(bills);
                });
    }

    /**
     * Finance's list 未到账确认: declared payments within the caller's scope that the bank has not shown in time, oldest first;
     * of one unit only when {@code unitId} is given; {@code limit} of them after the first {@code offset}.
     */
    public List<UnconfirmedPayment> unconfirmed(CurrentUser user, Long unitId, int limit, int offset) {
        DeclaredPayments.requireFinance(user);
        return jdbc.sql("select p.id, p.bill_id, b.unit_id, p.amount, p.confirmed, p.paid_on, p.declared_on, p.created_by"
                        + UNCONFIRMED_IN_SCOPE + " order by p.declared_on, p.id limit ? offset ?")
                .params(cutoff(), user.scopePattern(), unitId, unitId, Math.min(Math.max(limit, 1), 500), offset)
                .query((rs, n) -> {
                    Long unit = rs.getObject(3, Long.class);
                    LocalDate declaredOn = rs.getObject(7, LocalDate.class);
                    return new UnconfirmedPayment(rs.getLong(1), rs.getLong(2), BillReference.of(rs.getLong(2)), unit, unitName(unit),
                            money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5)), rs.getObject(6, LocalDate.class), declaredOn,
                            confirmBy(declaredOn), rs.getString(8));
                }).list();
    }

    /**
     * 未到账确认 on all its pages: how many payments, their declared amounts added up, and of those what the bank has not
     * shown yet (declared less confirmed: a statement line may have confirmed part of a payment).
     */
    public record UnconfirmedSummary(long count, Money amount, Money outstanding) {
    }

    /** How many payments {@link #unconfirmed} lists on all its pages, their declared amounts and what is still not shown. */
    UnconfirmedSummary unconfirmedSummary(CurrentUser user, Long unitId) {
        DeclaredPayments.requireFinance(user);
        return jdbc.sql("select count(*), coalesce(sum(p.amount), 0), coalesce(sum(p.amount - p.confirmed), 0)" + UNCONFIRMED_IN_SCOPE)
                .params(cutoff(), user.scopePattern(), unitId, unitId)
                .query((rs, n) -> new UnconfirmedSummary(rs.getLong(1), money(rs.getBigDecimal(2)), money(rs.getBigDecimal(3)))).single();
    }

    /** 未到账确认's payments, by its parameters: the cutoff day, the caller's scope pattern, and the unit (twice; null for all). */
    private static final String UNCONFIRMED_IN_SCOPE = """
             from contributions.payment p join contributions.bill b on b.id = p.bill_id
            where p.source = 'DECLARED' and p.reversed_on is null and p.confirmed < p.amount and p.declared_on <= ?
              and b.org_path like ? and (cast(? as bigint) is null or b.unit_id = ?)""";

    /** The bill's declared money as the bank has (not) shown it; null status when nothing on it was declared paid. */
    Confirmation confirmationOf(long billId, List<DeclaredPayments.DeclarationView> declarations) {
        record Open(LocalDate declaredOn, boolean confirmed) {
        }
        List<Open> declared = jdbc.sql("""
                select declared_on, confirmed >= amount from contributions.payment
                 where bill_id = ? and source = 'DECLARED' and reversed_on is null order by declared_on""")
                .param(billId).query((rs, n) -> new Open(rs.getObject(1, LocalDate.class), rs.getBoolean(2))).list();
        if (declared.isEmpty()) return new Confirmation(null, null, null, declarations);
        LocalDate cutoff = cutoff();
        LocalDate firstOpen = declared.stream().filter(d -> !d.confirmed()).map(Open::declaredOn).findFirst().orElse(null);
        BankConfirmation status = firstOpen == null ? BankConfirmation.CONFIRMED
                : !firstOpen.isAfter(cutoff) ? BankConfirmation.UNCONFIRMED : BankConfirmation.AWAITING;
        return new Confirmation(status.name(), status.chinese(), firstOpen == null ? null : confirmBy(firstOpen), declarations);
    }

    Transfer transferFor(String billReference) {
        var account = settings.receivingAccount;
        String note = account.configured()
                ? "请将应缴金额转入上述账户，并在转账附言（用途）中填写 " + billReference + "，以便自动对账"
                : "收款账户未设置，请联系所属工会；转账附言（用途）请填写 " + billReference;
        return new Transfer(blankToNull(account.name()), blankToNull(account.bank()), blankToNull(account.accountNumber()), billReference,
                note);
    }

    /** The last day the bank may show money declared on {@code declaredOn}: that many working days after it. */
    LocalDate confirmBy(LocalDate declaredOn) {
        return declaredOn == null ? null : calendar.plusWorkingDays(declaredOn, settings.unconfirmedAfterWorkingDays);
    }

    /**
     * Money declared on this day or before, and not shown by the bank, is unconfirmed today: the day before the n-th
     * working day back from today, the last day whose n working days after it ({@link #confirmBy}) all lie before today.
     */
    LocalDate cutoff() {
        LocalDate day = LocalDate.now(clock);
        for (int counted = 0; counted < settings.unconfirmedAfterWorkingDays; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) counted++;
        }
        return day.minusDays(1);
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : organisations.unit(unitId).map(Unit::name).orElse(null);
    }

    private static Money money(BigDecimal value) {
        return value == null ? Money.ZERO : new Money(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
