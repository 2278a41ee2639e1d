package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.contributions.BillReference;
import org.huzhu.contributions.Contributions;
import org.huzhu.ledger.Ledger;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.FieldProblem;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enrolment front door: enrol one member, grant gift cover, read what a member holds.
 *
 * <p>Every enrolment is billed to its unit ({@link Contributions}). With {@code paidOn} the unit
 * declares the premium paid that day: the bill is settled at once and cover starts the next day.
 * Without it the enrolment is AWAITING_PAYMENT — no cover, no dates — until its bill is paid in
 * full; it then comes into force from the day after payment ({@link #bringIntoForce}).
 */
@Service
public class Enrolments {

    static final String GIFT_ITEM = "GIG_ACCIDENT";

    private final Catalogue catalogue;
    private final Organisations organisations;
    private final MemberRepository members;
    private final EnrolmentRepository enrolments;
    private final SubsidyGrants subsidies;
    private final Ledger ledger;
    private final Contributions contributions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Enrolments(Catalogue catalogue, Organisations organisations, MemberRepository members, EnrolmentRepository enrolments,
               SubsidyGrants subsidies, Ledger ledger, Contributions contributions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.members = members;
        this.enrolments = enrolments;
        this.subsidies = subsidies;
        this.ledger = ledger;
        this.contributions = contributions;
        this.clock = clock;
    }

    public record ItemRequest(String item, String plan, Integer shares) {
    }

    public record EnrolmentCommand(Long unitId, Long memberId, List<ItemRequest> items, String bundle, Integer shares,
                                   LocalDate paidOn) {
    }

    public record FundingView(String policy, Money unit, Money union, Money member) {
    }

    /**
     * {@code status}: AWAITING_PAYMENT (no cover yet: {@code paidOn} and the coverages' dates are
     * null) or IN_FORCE. {@code billReference}: what the unit writes on its transfer.
     */
    public record EnrolmentView(long id, long memberId, Long unitId, String catalogueVersion, LocalDate paidOn,
                                Money premium, List<Coverage> coverages, FundingView funding, Money gift, String status,
                                Long billId, String billReference) {
    }

    @Transactional
    public EnrolmentView enrol(EnrolmentCommand command, CurrentUser user) {
        if (!user.holds(Right.ENROL)) throw new AccessDeniedException("cannot enrol");
        Checks checks = new Checks();
        checks.require("unitId", command.unitId(), "参保单位");
        checks.require("memberId", command.memberId(), "职工");
        LocalDate today = LocalDate.now(clock);
        if (command.paidOn() != null) checks.check(!command.paidOn().isAfter(today), "paidOn", "缴费日期不能晚于今天");
        boolean hasItems = command.items() != null && !command.items().isEmpty();
        boolean hasBundle = command.bundle() != null && !command.bundle().isBlank();
        if (hasItems == hasBundle) checks.add(hasItems ? "bundle" : "items", "请选择保障项目（items）或保障套餐（bundle），二者选其一");
        if (hasBundle) {
            if (command.shares() == null) checks.add("shares", "选择套餐时须填写份数");
        }
        if (hasItems) {
            for (int i = 0; i < command.items().size(); i++) {
                ItemRequest r = command.items().get(i);
                if (r == null) checks.add("items[" + i + "]", "保障项目不能为空");
                else {
                    checks.require("items[" + i + "].item", r.item(), "保障项目");
                    checks.require("items[" + i + "].shares", r.shares(), "份数");
                }
            }
        }
        Unit unit = command.unitId() == null ? null : organisations.unit(command.unitId()).filter(u -> user.sees(u.path())).orElse(null);
        if (command.unitId() != null && unit == null) checks.add("unitId", "参保单位不存在或不在您的管辖范围内");
        Member member = command.memberId() == null ? null : members.lock(command.memberId()).filter(m -> user.sees(m.orgPath())).orElse(null);
        if (command.memberId() != null && member == null) checks.add("memberId", "职工不存在或不在您的管辖范围内");
        checks.throwIfInvalid();
        if (unit.closed()) throw new ConflictException("unitId", "该单位已注销，不能办理参保");
        if (member.unitId() != null && member.unitId() != unit.id()) throw new ConflictException("memberId", MemberTransfers.REGISTERED_ELSEWHERE);
        MemberLifeEvents.requireAlive(member);

        // awaiting payment: planned as if paid today; dated from the real payment when the bill is paid
        LocalDate planningDay = command.paidOn() != null ? command.paidOn() : today;
        CatalogueVersion terms = catalogue.activeOn(planningDay.plusDays(1));
        List<EnrolmentRules.Requested> lines;
        if (hasBundle) {
            CatalogueVersion.Bundle bundle = terms.bundle(command.bundle().strip())
                    .orElseThrow(() -> InvalidInputException.of("bundle", "保障套餐不存在：" + command.bundle()));
            lines = EnrolmentRules.bundle(bundle, member.gender(), command.shares());
        } else {
            lines = command.items().stream().map(r -> new EnrolmentRules.Requested(r.item().strip(), r.plan(), r.shares())).toList();
        }
        List<Coverage> held = enrolments.coveragesOf(new Long[]{member.id()}).getOrDefault(member.id(), List.of());
        EnrolmentRules.Result result = EnrolmentRules.plan(terms, member.gender(), member.birthDate(), lines, planningDay, held, false);
        if (!result.ok()) throw rejection(result.problems(), hasBundle);

        try (SubsidyGrants.Session funding = subsidies.open(unit)) {
            Funding split = funding.fund(terms, result.planned().premium(), planningDay.getYear());
            Long budgetOrg = funding.budgetOrgId(planningDay.getYear());
            funding.close();
            if (member.unitId() == null || member.leftUnitOn() != null) members.moveToUnit(member.id(), unit.id(), unit.path());
            long id = enrolments.nextId();
            long journalId = ledger.post(EnrolmentBooking.contributionBilled("enrolment:" + id + ":billed", "ENROLMENT",
                    String.valueOf(id), "参保缴费应收（参保记录 " + id + "）", planningDay, unit.path(),
                    split.unit(), split.union(), split.member(), result.planned().gift()));
            Contributions.Billed bill = contributions.bill(Contributions.BatchKind.ENROLMENT, id, unit.id(), unit.path(),
                    new Contributions.BatchTotals(1, split.unit(), split.union(), split.member()),
                    command.paidOn() == null ? null : new Contributions.Declaration(command.paidOn(), "enrolment-" + id),
                    user.username());
            EnrolmentRules.Planned planned = result.planned();
            LocalDate paidOn = bill.awaitingFinance() ? null : command.paidOn();   // back-dated: no cover until finance confirms
            if (paidOn == null && bill.paid()) {   // nothing for the unit to pay: the union funds it all
                paidOn = bill.paidOn();
                planned = EnrolmentRules.inForce(terms, planned.coverages(), paidOn, held);
            }
            var stored = new EnrolmentRepository.Stored(id, member.id(), unit.id(), unit.path(), terms.code(), paidOn,
                    paidOn == null ? awaiting(planned.coverages()) : planned.coverages(), planned.premium(), split, planned.gift(),
                    budgetOrg, journalId, paidOn == null ? EnrolmentRepository.Status.AWAITING_PAYMENT : EnrolmentRepository.Status.IN_FORCE,
                    bill.billId());
            enrolments.insert(stored, paidOn == null ? null : planned.from(), paidOn == null ? null : planned.to(), null, null);
            if (paidOn != null) {
                events.publishEvent(new EnrolmentsCameIntoForce(List.of(EnrolmentsCameIntoForce.InForce.of(id, member.id(),
                        planned.coverages(), terms))));
            }
            return view(stored);
        }
    }

    /**
     * Brings the enrolments of a paid bill into force: cover from the day after {@code paidOn},
     * dated by {@link EnrolmentRules#inForce}. Enrolments already in force are left as they are.
     */
    @Transactional
    public int bringIntoForce(long billId, LocalDate paidOn) {
        List<EnrolmentRepository.Awaiting> waiting = enrolments.awaitingOnBill(billId);
        List<EnrolmentsCameIntoForce.InForce> inForce = new ArrayList<>(waiting.size());
        for (int start = 0; start < waiting.size(); start += 5000) {
            List<EnrolmentRepository.Awaiting> slice = waiting.subList(start, Math.min(waiting.size(), start + 5000));
            var held = enrolments.coveragesOf(slice.stream().map(EnrolmentRepository.Awaiting::memberId).distinct().toArray(Long[]::new));
            List<EnrolmentRules.Planned> planned = new ArrayList<>(slice.size());
            for (EnrolmentRepository.Awaiting e : slice) {
                CatalogueVersion terms = catalogue.version(e.catalogueVersion()).orElseGet(() -> catalogue.activeOn(paidOn.plusDays(1)));
                EnrolmentRules.Planned dated = EnrolmentRules.inForce(terms, e.coverages(), paidOn, held.getOrDefault(e.memberId(), List.of()));
                planned.add(dated);
                inForce.add(EnrolmentsCameIntoForce.InForce.of(e.id(), e.memberId(), dated.coverages(), terms));
            }
            enrolments.bringIntoForce(slice, planned, paidOn);
        }
        if (!inForce.isEmpty()) events.publishEvent(new EnrolmentsCameIntoForce(inForce));
        return waiting.size();
    }

    static List<Coverage> awaiting(List<Coverage> planned) {
        return planned.stream().map(Coverage::awaitingPayment).toList();
    }

    /**
     * Gives a verified new-form worker the free GIG_ACCIDENT cover, booked to the union's gift
     * budget; the worker claims it ({@link GiftCovers}). Returns null, granting nothing, when they
     * already hold it for the period or the catalogue has no such item.
     */
    @Transactional
    public EnrolmentView grantGiftCover(long memberId, LocalDate grantedOn) {
        Member member = members.lock(memberId).orElseThrow(() -> new NotFoundException("职工不存在"));
        CatalogueVersion terms = catalogue.activeOn(grantedOn.plusDays(1));
        if (terms.item(GIFT_ITEM).isEmpty()) return null;
        List<Coverage> held = enrolments.coveragesOf(new Long[]{memberId}).getOrDefault(memberId, List.of());
        var result = EnrolmentRules.plan(terms, member.gender(), member.birthDate(),
                List.of(new EnrolmentRules.Requested(GIFT_ITEM, null, 1)), grantedOn, held, true);
        if (!result.ok()) return null;
        Unit unit = member.unitId() == null ? null : organisations.unit(member.unitId()).orElse(null);
        EnrolmentRules.Planned planned = result.planned();
        Funding funding = Funding.none("UNION_GIFT");
        long id = enrolments.nextId();
        long journalId = ledger.post(EnrolmentBooking.contributionBilled("enrolment:" + id + ":billed", "ENROLMENT",
                String.valueOf(id), "参保缴费应收（参保记录 " + id + "）", grantedOn, member.orgPath(),
                funding.unit(), funding.union(), funding.member(), planned.gift()));
        var stored = new EnrolmentRepository.Stored(id, memberId, unit == null ? null : unit.id(), member.orgPath(), terms.code(),
                grantedOn, planned.coverages(), planned.premium(), funding, planned.gift(), null, journalId,
                EnrolmentRepository.Status.IN_FORCE, null);
        enrolments.insert(stored, planned.from(), planned.to(), null, null);
        events.publishEvent(new GiftCoverGranted(id, memberId, String.join("、", EnrolmentsCameIntoForce.itemNames(planned.coverages(), terms)),
                planned.from(), planned.to()));
        return view(stored);
    }

    public EnrolmentView visibleEnrolment(long id, CurrentUser user) {
        return enrolments.find(id).filter(e -> visible(e, user)).map(Enrolments::view)
                .orElseThrow(() -> new NotFoundException("参保记录不存在"));
    }

    public List<EnrolmentView> enrolmentsOf(long memberId, CurrentUser user) {
        Member member = members.find(memberId).filter(m -> Members.visible(m, user))
                .orElseThrow(() -> new NotFoundException("职工不存在"));
        return enrolments.ofMember(member.id()).stream().map(Enrolments::view).toList();
    }

    /**
     * Every coverage a member holds or held in force: what the claims module judges a claim
     * against. Enrolments awaiting payment cover nothing and are left out.
     */
    public List<Coverage> coveragesOf(long memberId) {
        return enrolments.coveragesOf(new Long[]{memberId}).getOrDefault(memberId, List.of()).stream()
                .filter(Coverage::inForce).toList();
    }

    /** An item of a member's cover in force that ends on {@code coverEnd} (not renewed yet): for the expiry reminders. */
    public record CoverEnding(long enrolmentId, long memberId, Long unitId, String item, String itemName, LocalDate coverEnd) {
    }

    /** Every item in force whose cover ends on {@code day} and that its member has not renewed yet. */
    public List<CoverEnding> coversEnding(LocalDate day) {
        java.util.Map<String, CatalogueVersion> terms = new java.util.HashMap<>();
        return enrolments.itemsEnding(day).stream().map(e -> {
            CatalogueVersion version = terms.computeIfAbsent(e.catalogueVersion(),
                    code -> catalogue.version(code).orElseGet(() -> catalogue.activeOn(day)));
            return new CoverEnding(e.enrolmentId(), e.memberId(), e.unitId(), e.item(),
                    version.item(e.item()).map(CatalogueVersion.Item::name).orElse(e.item()), e.to());
        }).toList();
    }

    private static boolean visible(EnrolmentRepository.Stored e, CurrentUser user) {
        if (user.role() == Role.MEMBER) return user.memberId() != null && user.memberId() == e.memberId();
        return user.sees(e.orgPath());
    }

    static EnrolmentView view(EnrolmentRepository.Stored e) {
        return new EnrolmentView(e.id(), e.memberId(), e.unitId(), e.catalogueVersion(), e.paidOn(), e.premium(),
                e.coverages(), new FundingView(e.funding().policy(), e.funding().unit(), e.funding().union(), e.funding().member()),
                e.gift(), e.status().name(), e.billId(), e.billId() == null ? null : BillReference.of(e.billId()));
    }

    static RuntimeException rejection(List<EnrolmentRules.Problem> problems, boolean bundle) {
        List<FieldProblem> fields = new ArrayList<>();
        boolean overlapOnly = true;
        for (EnrolmentRules.Problem p : problems) {
            String field = switch (p.field()) {
                case MEMBER -> "memberId";
                case PAID_ON -> "paidOn";
                case BUNDLE -> "bundle";
                case SHARES -> bundle || p.line() < 0 ? "shares" : "items[" + p.line() + "].shares";
                case PLAN -> bundle ? "bundle" : "items[" + p.line() + "].plan";
                case ITEM -> bundle || p.line() < 0 ? (bundle ? "bundle" : "items") : "items[" + p.line() + "].item";
            };
            fields.add(new FieldProblem(field, p.message()));
            overlapOnly &= p.conflict();
        }
        if (overlapOnly) return new ConflictException(fields.getFirst().field(), fields.getFirst().message());
        return new InvalidInputException(fields);
    }

}
