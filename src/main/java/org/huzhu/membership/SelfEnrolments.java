package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.contributions.BillReference;
import org.huzhu.contributions.Contributions;
import org.huzhu.contributions.MemberBills;
import org.huzhu.ledger.Ledger;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 个人参保 — a worker without a unit enrols and pays for themself (member app), in the items the catalogue opens to
 * individual enrolment ({@code individualEnrolment}), under the same {@link EnrolmentRules} as any enrolment. The
 * member pays it all: the receivable is booked, a bill with the member as payer is made, and the enrolment awaits
 * payment — cover starts the day after the provider confirms the money ({@link SelfEnrolmentPayments}), never on the
 * worker's word. Lifecycle of a self-enrolment: AWAITING_PAYMENT → IN_FORCE (its bill paid), or → CANCELLED (the
 * worker withdrew it while nothing was paid; receivable reversed, bill cancelled).
 */
@Service
public class SelfEnrolments {

    static final String WITH_UNIT = "您已在所在单位登记参保，请通过单位办理参保缴费";

    public record Line(String item, String plan, Integer shares) {
    }

    public record QuoteLine(String item, String itemName, String plan, String planName, int shares, Money price, Money premium,
                            int termMonths, int waitingDays, String waitingWords, boolean renewal) {
    }

    public record Quote(List<QuoteLine> lines, Money premium) {
    }

    /** An own enrolment as the worker follows it; {@code coverFrom}/{@code coverTo} once in force. */
    public record SelfEnrolment(long enrolmentId, String status, String statusWords, Money premium, String billReference,
                                List<QuoteLine> lines, LocalDate coverFrom, LocalDate coverTo) {
    }

    /** Whether the worker may enrol themself ({@code reason} says why not), what, and their enrolments awaiting payment. */
    public record Offer(boolean eligible, String reason, List<SelfEnrolmentOffer.ItemOffer> items, List<SelfEnrolment> awaiting) {
    }

    private final Catalogue catalogue;
    private final MemberRepository members;
    private final EnrolmentRepository enrolments;
    private final Ledger ledger;
    private final Contributions contributions;
    private final MemberBills bills;
    private final Clock clock;

    SelfEnrolments(Catalogue catalogue, MemberRepository members, EnrolmentRepository enrolments, Ledger ledger,
                   Contributions contributions, MemberBills bills, Clock clock) {
        this.catalogue = catalogue;
        this.members = members;
        this.enrolments = enrolments;
        this.ledger = ledger;
        this.contributions = contributions;
        this.bills = bills;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Offer offer(long memberId) {
        Member member = members.find(memberId).orElseThrow(() -> new NotFoundException("未找到您的参保登记"));
        LocalDate today = LocalDate.now(clock);
        CatalogueVersion terms = terms(today);
        List<SelfEnrolment> awaiting = enrolments.ofMember(memberId).stream()
                .filter(e -> self(e) && e.status() == EnrolmentRepository.Status.AWAITING_PAYMENT).map(e -> view(e, terms)).toList();
        String reason = refusal(member, terms);
        if (reason != null) return new Offer(false, reason, List.of(), awaiting);
        return new Offer(true, null, SelfEnrolmentOffer.items(terms, member, held(memberId), today), awaiting);
    }

    /** Prices the chosen lines as enrolling today would; 400 with the line's field when a rule refuses one. */
    @Transactional(readOnly = true)
    public Quote quote(long memberId, List<Line> lines) {
        Member member = members.find(memberId).orElseThrow(() -> new NotFoundException("未找到您的参保登记"));
        LocalDate today = LocalDate.now(clock);
        CatalogueVersion terms = terms(today);
        return quote(terms, planned(member, terms, lines, today).coverages());
    }

    /**
     * Enrols the worker in the chosen lines, awaiting payment: the member's row is locked, so a double tap finds the
     * first enrolment's items awaiting payment and is refused (409) rather than enrolled twice.
     */
    @Transactional
    public SelfEnrolment enrol(long memberId, List<Line> lines) {
        Member member = members.lock(memberId).orElseThrow(() -> new NotFoundException("未找到您的参保登记"));
        LocalDate today = LocalDate.now(clock);
        CatalogueVersion terms = terms(today);
        EnrolmentRules.Planned planned = planned(member, terms, lines, today);
        Money premium = planned.premium();
        Funding funding = new Funding(terms.individualEnrolment().fundingPolicy(), Money.ZERO, Money.ZERO, premium);
        long id = enrolments.nextId();
        long journalId = ledger.post(EnrolmentBooking.contributionBilled("enrolment:" + id + ":billed", "ENROLMENT", String.valueOf(id),
                "个人参保缴费应收（参保记录 " + id + "）", today, member.orgPath(), Money.ZERO, Money.ZERO, premium, Money.ZERO));
        Contributions.Billed bill = contributions.bill(Contributions.BatchKind.ENROLMENT, id, null, member.orgPath(),
                new Contributions.BatchTotals(1, Money.ZERO, Money.ZERO, premium), null, "member:" + memberId);
        var stored = new EnrolmentRepository.Stored(id, memberId, null, member.orgPath(), terms.code(), null,
                Enrolments.awaiting(planned.coverages()), premium, funding, Money.ZERO, null, journalId,
                EnrolmentRepository.Status.AWAITING_PAYMENT, bill.billId());
        enrolments.insert(stored, null, null, null, null);
        return view(stored, terms);
    }

    /** The worker withdraws an own enrolment awaiting payment; refused once money arrived or while an order can still be paid. */
    @Transactional
    public SelfEnrolment cancel(long memberId, long enrolmentId, List<OffsetDateTime> openOrdersExpireAt) {
        members.lock(memberId).orElseThrow(() -> new NotFoundException("未找到您的参保登记"));
        EnrolmentRepository.Stored e = own(memberId, enrolmentId);
        if (e.status() == EnrolmentRepository.Status.CANCELLED) return view(e, terms(e));
        if (e.status() != EnrolmentRepository.Status.AWAITING_PAYMENT) throw new ConflictException("该参保已缴费生效，不能取消");
        if (!openOrdersExpireAt.isEmpty()) {
            OffsetDateTime last = openOrdersExpireAt.stream().max(OffsetDateTime::compareTo).orElseThrow();
            throw new ConflictException("您有一笔支付尚未结束，请在 " + last.atZoneSameInstant(clock.getZone()).toLocalTime().withNano(0)
                    + " 之后再取消");
        }
        if (!bills.cancel(e.billId())) throw new ConflictException("已有款项到账，不能取消，请联系工会");
        LocalDate today = LocalDate.now(clock);
        ledger.reverse("enrolment:" + e.id() + ":billed", "enrolment:" + e.id() + ":cancelled",
                "职工取消个人参保（参保记录 " + e.id() + "），冲销应收", today);
        enrolments.cancel(e.id(), clock.instant());
        return view(enrolments.find(e.id()).orElseThrow(), terms(e));
    }

    /** An own self-enrolment; 404 for anyone else's or an enrolment made through a unit. */
    @Transactional(readOnly = true)
    public SelfEnrolment enrolment(long memberId, long enrolmentId) {
        EnrolmentRepository.Stored e = own(memberId, enrolmentId);
        return view(e, terms(e));
    }

    /** What paying an own enrolment awaiting payment takes: its bill and what is still due on it. */
    public record Payable(long enrolmentId, long billId, String reference, Money outstanding, String description) {
    }

    @Transactional(readOnly = true)
    public Payable payable(long memberId, long enrolmentId) {
        EnrolmentRepository.Stored e = own(memberId, enrolmentId);
        if (e.status() == EnrolmentRepository.Status.CANCELLED) throw new ConflictException("该参保已取消，不能缴费");
        MemberBills.Due due = bills.due(e.billId()).orElseThrow();
        if (e.status() == EnrolmentRepository.Status.IN_FORCE || due.paid()) throw new ConflictException("该参保已缴费，无需再次支付");
        if (due.cancelled()) throw new ConflictException("该参保已取消，不能缴费");
        return new Payable(e.id(), e.billId(), due.reference(), due.outstanding(), "职工互助保障个人缴费（" + due.reference() + "）");
    }

    // ------------------------------------------------------------------ rules

    private EnrolmentRules.Planned planned(Member member, CatalogueVersion terms, List<Line> lines, LocalDate today) {
        String refusal = refusal(member, terms);
        if (refusal != null) throw new ConflictException(refusal);
        Checks checks = new Checks();
        if (lines == null || lines.isEmpty()) checks.add("items", "请至少选择一个保障项目");
        List<EnrolmentRules.Requested> requested = new ArrayList<>();
        for (int i = 0; lines != null && i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "items[" + i + "]";
            if (line == null) {
                checks.add(at, "保障项目不能为空");
                continue;
            }
            checks.require(at + ".item", line.item(), "保障项目");
            checks.require(at + ".shares", line.shares(), "份数");
            if (line.item() != null && !line.item().isBlank() && !terms.individualEnrolment().offers(line.item().strip())) {
                checks.add(at + ".item", terms.item(line.item().strip()).map(CatalogueVersion.Item::name).orElse("该项目") + "不能个人参保");
            }
            if (line.item() != null && line.shares() != null) {
                requested.add(new EnrolmentRules.Requested(line.item().strip(), line.plan(), line.shares()));
            }
        }
        checks.throwIfInvalid();
        var result = EnrolmentRules.plan(terms, member.gender(), member.birthDate(), requested, today, held(member.id()), false);
        if (!result.ok()) throw Enrolments.rejection(result.problems(), false);
        return result.planned();
    }

    private static String refusal(Member member, CatalogueVersion terms) {
        var self = terms.individualEnrolment();
        if (member.unitId() != null && self.withoutUnitOnly()) return WITH_UNIT;
        if (!self.openTo(member.employmentForm().name(), member.unitId() != null)) return "目前没有可以个人参保的保障项目，请联系工会";
        return null;
    }

    private List<Coverage> held(long memberId) {
        return enrolments.coveragesOf(new Long[]{memberId}).getOrDefault(memberId, List.of());
    }

    private CatalogueVersion terms(LocalDate today) {
        return catalogue.activeOn(today.plusDays(1));
    }

    private CatalogueVersion terms(EnrolmentRepository.Stored e) {
        return catalogue.version(e.catalogueVersion()).orElseGet(() -> terms(LocalDate.now(clock)));
    }

    private EnrolmentRepository.Stored own(long memberId, long enrolmentId) {
        return enrolments.find(enrolmentId).filter(e -> e.memberId() == memberId && self(e))
                .orElseThrow(() -> new NotFoundException("参保记录不存在"));
    }

    /** Enrolled by the worker themself: no unit, and a bill (gift cover has none). */
    private static boolean self(EnrolmentRepository.Stored e) {
        return e.unitId() == null && e.billId() != null;
    }

    private static Quote quote(CatalogueVersion terms, List<Coverage> coverages) {
        List<QuoteLine> lines = coverages.stream().map(c -> line(terms, c)).toList();
        return new Quote(lines, lines.stream().map(QuoteLine::premium).reduce(Money.ZERO, Money::plus));
    }

    private static QuoteLine line(CatalogueVersion terms, Coverage c) {
        CatalogueVersion.Item item = terms.item(c.item()).orElseThrow();
        CatalogueVersion.Plan plan = item.plan(c.plan()).orElseThrow();
        return new QuoteLine(item.code(), item.name(), plan.code(), plan.name(), c.shares(), plan.price(), c.premium(), plan.termMonths(),
                item.illnessWaitingDays(), SelfEnrolmentOffer.waitingWords(item.illnessWaitingDays(), c.renewedWithoutGap()),
                c.renewedWithoutGap());
    }

    private static SelfEnrolment view(EnrolmentRepository.Stored e, CatalogueVersion terms) {
        String words = switch (e.status()) {
            case AWAITING_PAYMENT -> "待缴费";
            case IN_FORCE -> "已缴费，保障自" + SelfEnrolmentOffer.chinese(e.paidOn().plusDays(1)) + "起生效";
            case CANCELLED -> "已取消";
        };
        LocalDate to = e.coverages().stream().map(Coverage::to).filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        return new SelfEnrolment(e.id(), e.status().name(), words, e.premium(), e.billId() == null ? null : BillReference.of(e.billId()),
                quote(terms, e.coverages()).lines(), e.paidOn() == null ? null : coverFrom(e), to);
    }

    /** The first day of cover: the day after payment, or later for a renewal chained to the cover in force. */
    private static LocalDate coverFrom(EnrolmentRepository.Stored e) {
        return e.coverages().stream().map(Coverage::from).filter(java.util.Objects::nonNull).min(LocalDate::compareTo)
                .orElse(e.paidOn().plusDays(1));
    }
}
