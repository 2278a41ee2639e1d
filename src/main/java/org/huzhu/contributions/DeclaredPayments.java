package org.huzhu.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-dated declarations of payment (docs/contributions.md, “Payment truth”). A unit that declares a payment dated more
 * than {@code huzhu.contributions.declared-backdate-days} (7) days back does not get it applied: the declaration waits
 * on finance's list, the bill stays open and its enrolments wait without cover. A finance officer other than the
 * declarer (maker-checker) confirms it — the payment is then applied exactly as a fresh declaration is, and the bill,
 * paid, brings its enrolments into force — or refuses it with a reason, which the unit sees on its bill.
 *
 * <p>Lifecycle: {@code PENDING} → {@code CONFIRMED} (once; confirming again answers the same) or {@code REFUSED}.
 */
@Service
class DeclaredPayments {

    /** A declaration as finance and the unit see it; {@code daysBack}: how far before the declaration day it is dated. */
    record DeclarationView(long id, long billId, String billReference, Long unitId, String unitName, Money amount, LocalDate paidOn,
                           long daysBack, String declaredBy, LocalDate declaredOn, String status, String statusName, String decidedBy,
                           LocalDate decidedOn, String refusalReason, Long paymentId) {
    }

    record Refusal(String reason) {
    }

    private final JdbcClient jdbc;
    private final BillRepository bills;
    private final BillPayments payments;
    private final Organisations organisations;
    private final PaymentTruthSettings settings;
    private final Clock clock;

    DeclaredPayments(JdbcClient jdbc, BillRepository bills, BillPayments payments, Organisations organisations,
                     PaymentTruthSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.bills = bills;
        this.payments = payments;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
    }

    int backdateDays() {
        return settings.declaredBackdateDays;
    }

    /** Whether a declaration dated {@code paidOn} needs finance's confirmation before it is applied. */
    boolean mustWait(LocalDate paidOn) {
        return paidOn.isBefore(LocalDate.now(clock).minusDays(settings.declaredBackdateDays));
    }

    /** Records a declaration that waits for finance; recording the same declaration again changes nothing. */
    void hold(Bill bill, Money amount, Contributions.Declaration declaration, String by) {
        jdbc.sql("""
                insert into contributions.payment_declaration (bill_id, amount, paid_on, declaration_key, declared_by, declared_on)
                values (?, ?, ?, ?, ?, ?) on conflict (declaration_key) do nothing""")
                .params(bill.id, amount.amount(), declaration.paidOn(), declaration.key(), by, LocalDate.now(clock)).update();
    }

    /**
     * Finance's list: declarations in the caller's scope, by status (PENDING when not given) and bill if given, oldest
     * first; {@code limit} of them after the first {@code offset}.
     */
    List<DeclarationView> list(CurrentUser user, String status, Long billId, int limit, int offset) {
        requireFinance(user);
        return jdbc.sql(SELECT + LISTED + " order by d.id limit ? offset ?")
                .params(listedStatus(status), user.scopePattern(), billId, billId, Math.min(Math.max(limit, 1), 500), offset)
                .query(this::view).list();
    }

    /** How many declarations {@link #list} holds on all its pages, and their amounts added up. */
    ListSummary summary(CurrentUser user, String status, Long billId) {
        requireFinance(user);
        return jdbc.sql("select count(*), coalesce(sum(d.amount), 0)" + FROM + LISTED)
                .params(listedStatus(status), user.scopePattern(), billId, billId).query(ListSummary::of).single();
    }

    private static String listedStatus(String status) {
        String wanted = status == null || status.isBlank() ? DeclarationStatus.PENDING.name() : status.strip();
        try {
            return DeclarationStatus.valueOf(wanted).name();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "状态应为 PENDING、CONFIRMED 或 REFUSED");
        }
    }

    /** The declarations of one bill, for the bill's page. */
    List<DeclarationView> ofBill(long billId) {
        return jdbc.sql(SELECT + " where d.bill_id = ? order by d.id").param(billId).query(this::view).list();
    }

    @Transactional
    DeclarationView confirm(long id, CurrentUser user) {
        requireFinance(user);
        DeclarationView d = lockVisible(id, user);
        if (d.status().equals(DeclarationStatus.CONFIRMED.name())) return d;
        if (d.status().equals(DeclarationStatus.REFUSED.name())) throw new ConflictException("id", "该申报已退回，不能再确认");
        if (d.declaredBy().equals(user.username())) {
            throw new ConflictException("id", "不能确认本人提交的缴费申报：须由另一位财务人员核实到账后确认");
        }
        Bill bill = bills.lock(d.billId()).orElseThrow().bill();
        if (bill.cancelled()) throw new ConflictException("id", "缴费单 " + bill.reference() + " 已撤销，不能确认");
        String key = jdbc.sql("select declaration_key from contributions.payment_declaration where id = ?").param(id).query(String.class).single();
        var applied = payments.apply(bill, new BillPayments.Receipt(Bill.Part.UNIT, BillPayments.Source.DECLARED, d.amount(), d.paidOn(),
                key, null, false, "bill:" + bill.id + ":declared:" + key, PaymentBooking.SOURCE_BILL, bill.reference(), d.declaredBy()));
        jdbc.sql("""
                update contributions.payment_declaration set status = 'CONFIRMED', decided_by = ?, decided_on = ?, payment_id = ?
                 where id = ?""").params(user.username(), LocalDate.now(clock), applied.paymentId(), id).update();
        return find(id);
    }

    @Transactional
    DeclarationView refuse(long id, Refusal refusal, CurrentUser user) {
        requireFinance(user);
        Checks checks = new Checks();
        checks.require("reason", refusal == null ? null : refusal.reason(), "退回原因");
        if (refusal != null && refusal.reason() != null) checks.check(refusal.reason().strip().length() <= 200, "reason", "退回原因不能超过 200 个字");
        checks.throwIfInvalid();
        DeclarationView d = lockVisible(id, user);
        if (d.status().equals(DeclarationStatus.REFUSED.name())) return d;
        if (d.status().equals(DeclarationStatus.CONFIRMED.name())) throw new ConflictException("id", "该申报已确认入账，不能退回");
        if (d.declaredBy().equals(user.username())) throw new ConflictException("id", "不能处理本人提交的缴费申报");
        jdbc.sql("""
                update contributions.payment_declaration set status = 'REFUSED', decided_by = ?, decided_on = ?, refusal_reason = ?
                 where id = ?""").params(user.username(), LocalDate.now(clock), refusal.reason().strip(), id).update();
        return find(id);
    }

    private DeclarationView lockVisible(long id, CurrentUser user) {
        var found = jdbc.sql(SELECT + " where d.id = ? for update of d").param(id).query(this::view).optional()
                .filter(d -> user.sees(jdbc.sql("select org_path from contributions.bill where id = ?").param(d.billId())
                        .query(String.class).single()));
        return found.orElseThrow(() -> new NotFoundException("缴费申报不存在"));
    }

    private DeclarationView find(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::view).single();
    }

    /** Finance's lists and decisions are for those holding {@link Right#DECLARATION_CONFIRM}. */
    static void requireFinance(CurrentUser user) {
        if (!user.holds(Right.DECLARATION_CONFIRM)) throw new AccessDeniedException("finance only");
    }

    private static final String FROM = " from contributions.payment_declaration d join contributions.bill b on b.id = d.bill_id";

    private static final String SELECT = """
            select d.id, d.bill_id, b.unit_id, d.amount, d.paid_on, d.declared_by, d.declared_on, d.status, d.decided_by, d.decided_on,
                   d.refusal_reason, d.payment_id""" + FROM;

    /** Finance's list, by its parameters: the status, the caller's scope pattern, and the bill (twice; null for every bill). */
    private static final String LISTED = " where d.status = ? and b.org_path like ? and (cast(? as bigint) is null or d.bill_id = ?)";

    private DeclarationView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Long unitId = rs.getObject(3, Long.class);
        LocalDate paidOn = rs.getObject(5, LocalDate.class);
        LocalDate declaredOn = rs.getObject(7, LocalDate.class);
        DeclarationStatus status = DeclarationStatus.valueOf(rs.getString(8));
        return new DeclarationView(rs.getLong(1), rs.getLong(2), BillReference.of(rs.getLong(2)), unitId,
                unitId == null ? null : organisations.unit(unitId).map(Unit::name).orElse(null), new Money(rs.getBigDecimal(4)), paidOn,
                ChronoUnit.DAYS.between(paidOn, declaredOn), rs.getString(6), declaredOn, status.name(), status.chinese(), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getObject(12, Long.class));
    }
}
