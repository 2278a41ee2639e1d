package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.ledger.Ledger;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.FieldProblem;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enrolment front door: enrol one member, grant gift cover, read what a member holds. */
@Service
public class Enrolments {

    static final String GIFT_ITEM = "GIG_ACCIDENT";

    private final Catalogue catalogue;
    private final Organisations organisations;
    private final MemberRepository members;
    private final EnrolmentRepository enrolments;
    private final SubsidyGrants subsidies;
    private final Ledger ledger;
    private final Clock clock;

    Enrolments(Catalogue catalogue, Organisations organisations, MemberRepository members, EnrolmentRepository enrolments,
               SubsidyGrants subsidies, Ledger ledger, Clock clock) {
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.members = members;
        this.enrolments = enrolments;
        this.subsidies = subsidies;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record ItemRequest(String item, String plan, Integer shares) {
    }

    public record EnrolmentCommand(Long unitId, Long memberId, List<ItemRequest> items, String bundle, Integer shares,
                                   LocalDate paidOn) {
    }

    public record FundingView(String policy, Money unit, Money union, Money member) {
    }

    public record EnrolmentView(long id, long memberId, Long unitId, String catalogueVersion, LocalDate paidOn,
                                Money premium, List<Coverage> coverages, FundingView funding, Money gift) {
    }

    @Transactional
    public EnrolmentView enrol(EnrolmentCommand command, CurrentUser user) {
        if (!user.is(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR)) throw new AccessDeniedException("cannot enrol");
        Checks checks = new Checks();
        checks.require("unitId", command.unitId(), "参保单位");
        checks.require("memberId", command.memberId(), "职工");
        checks.require("paidOn", command.paidOn(), "缴费日期");
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

        CatalogueVersion terms = catalogue.activeOn(command.paidOn().plusDays(1));
        List<EnrolmentRules.Requested> lines;
        if (hasBundle) {
            CatalogueVersion.Bundle bundle = terms.bundle(command.bundle().strip())
                    .orElseThrow(() -> InvalidInputException.of("bundle", "保障套餐不存在：" + command.bundle()));
            lines = EnrolmentRules.bundle(bundle, member.gender(), command.shares());
        } else {
            lines = command.items().stream().map(r -> new EnrolmentRules.Requested(r.item().strip(), r.plan(), r.shares())).toList();
        }
        List<Coverage> held = enrolments.coveragesOf(new Long[]{member.id()}).getOrDefault(member.id(), List.of());
        EnrolmentRules.Result result = EnrolmentRules.plan(terms, member.gender(), member.birthDate(), lines, command.paidOn(), held, false);
        if (!result.ok()) throw rejection(result.problems(), hasBundle);

        try (SubsidyGrants.Session funding = subsidies.open(unit)) {
            Funding split = funding.fund(terms, result.planned().premium(), command.paidOn().getYear());
            Long budgetOrg = funding.budgetOrgId(command.paidOn().getYear());
            funding.close();
            members.moveToUnit(member.id(), unit.id(), unit.path());
            return store(member.id(), unit, unit.path(), terms, command.paidOn(), result.planned(), split, budgetOrg);
        }
    }

    /**
     * Gives a verified new-form worker the free GIG_ACCIDENT cover, booked to the union's gift
     * budget. Does nothing when they already hold it for the period.
     */
    @Transactional
    public EnrolmentView grantGiftCover(long memberId, LocalDate verifiedOn) {
        Member member = members.lock(memberId).orElseThrow(() -> new NotFoundException("职工不存在"));
        CatalogueVersion terms = catalogue.activeOn(verifiedOn.plusDays(1));
        if (terms.item(GIFT_ITEM).isEmpty()) return null;
        List<Coverage> held = enrolments.coveragesOf(new Long[]{memberId}).getOrDefault(memberId, List.of());
        var result = EnrolmentRules.plan(terms, member.gender(), member.birthDate(),
                List.of(new EnrolmentRules.Requested(GIFT_ITEM, null, 1)), verifiedOn, held, true);
        if (!result.ok()) return null;
        Unit unit = member.unitId() == null ? null : organisations.unit(member.unitId()).orElse(null);
        return store(memberId, unit, member.orgPath(), terms, verifiedOn, result.planned(), Funding.none("UNION_GIFT"), null);
    }

    private EnrolmentView store(long memberId, Unit unit, String orgPath, CatalogueVersion terms, LocalDate paidOn,
                                EnrolmentRules.Planned planned, Funding funding, Long budgetOrg) {
        long id = enrolments.nextId();
        long journalId = ledger.post(EnrolmentBooking.contributionBilled("enrolment:" + id + ":billed", "ENROLMENT",
                String.valueOf(id), "参保缴费应收（参保记录 " + id + "）", paidOn, orgPath,
                funding.unit(), funding.union(), funding.member(), planned.gift()));
        var stored = new EnrolmentRepository.Stored(id, memberId, unit == null ? null : unit.id(), orgPath, terms.code(),
                paidOn, planned.coverages(), planned.premium(), funding, planned.gift(), budgetOrg, journalId);
        enrolments.insert(stored, planned.from(), planned.to(), null, null);
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

    /** Every coverage a member holds or held: what the claims module judges a claim against. */
    public List<Coverage> coveragesOf(long memberId) {
        return enrolments.coveragesOf(new Long[]{memberId}).getOrDefault(memberId, List.of());
    }

    private static boolean visible(EnrolmentRepository.Stored e, CurrentUser user) {
        if (user.role() == Role.MEMBER) return user.memberId() != null && user.memberId() == e.memberId();
        return user.sees(e.orgPath());
    }

    static EnrolmentView view(EnrolmentRepository.Stored e) {
        return new EnrolmentView(e.id(), e.memberId(), e.unitId(), e.catalogueVersion(), e.paidOn(), e.premium(),
                e.coverages(), new FundingView(e.funding().policy(), e.funding().unit(), e.funding().union(), e.funding().member()),
                e.gift());
    }

    private static RuntimeException rejection(List<EnrolmentRules.Problem> problems, boolean bundle) {
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
