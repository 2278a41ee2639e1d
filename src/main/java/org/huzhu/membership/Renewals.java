package org.huzhu.membership;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.contributions.BillReference;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit renewal front door (续保). Lifecycle of a proposal: PROPOSED (made from last year's list and an optional
 * roster; the operator reviews it, sets lines out or in, adds workers) → CONFIRMED (billed once, on one bill
 * awaiting payment; cover of each worker chained to the cover in force once paid) or DISCARDED (a newer proposal
 * for the unit replaced it). What confirm bills is the stored proposal, never a silent recomputation.
 */
@Service
public class Renewals {

    private final RenewalRepository renewals;
    private final RenewalProposer proposer;
    private final RenewalConfirmation confirmation;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final MemberRepository members;
    private final ImportProperties properties;
    private final Clock clock;

    Renewals(RenewalRepository renewals, RenewalProposer proposer, RenewalConfirmation confirmation, Organisations organisations,
             Catalogue catalogue, MemberRepository members, ImportProperties properties, Clock clock) {
        this.renewals = renewals;
        this.proposer = proposer;
        this.confirmation = confirmation;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
    }

    /** A proposal and its figures; {@code statusName} the words screens show. */
    public record RenewalView(long id, long unitId, String unitName, String status, String statusName, LocalDate windowFrom,
                              LocalDate windowTo, String rosterFile, String createdBy, java.time.Instant createdAt, String decidedBy,
                              java.time.Instant decidedAt, Long billId, String billReference, int lines, int included, int excluded,
                              int lastYear, int fromRoster, int added, Money premium) {
    }

    /** One worker of a proposal, as the operator reviews it. */
    public record LineView(int lineNo, Long memberId, String name, String idMasked, String source, String sourceName, boolean included,
                           String reason, String items, Money premium, LocalDate coverTo) {
    }

    public record LineChange(Boolean included, String reason) {
    }

    public record NewLine(Long memberId, List<Enrolments.ItemRequest> items) {
    }

    /**
     * Proposes the renewal of a unit: last year's list with cover ending within the renewal window (from the
     * catalogue's {@code renewalGapDays} ago to as many days ahead), and the uploaded roster if any. A proposal
     * still open for the unit is discarded.
     */
    @Transactional
    public RenewalView propose(long unitId, String fileName, InputStream roster, CurrentUser user) {
        Unit unit = organisations.visibleUnit(unitId, user);
        if (unit.closed()) throw new ConflictException("unitId", "该单位已注销，不能办理续保");
        LocalDate today = LocalDate.now(clock);
        CatalogueVersion terms = catalogue.activeOn(today.plusDays(1));
        Path file = roster == null ? null : store(roster);
        try {
            for (RenewalRepository.Stored open : renewals.ofUnit(unit.id(), 5)) {
                if (open.status() == RenewalStatus.PROPOSED) renewals.discard(open.id(), user.username(), clock.instant());
            }
            LocalDate from = today.minusDays(terms.renewalGapDays());
            LocalDate to = today.plusDays(terms.renewalGapDays());
            long id = renewals.create(unit.id(), unit.path(), from, to, file == null ? null : fileName, user.username());
            proposer.propose(id, unit, terms, from, to, file, new RosterRowParser(catalogue, today));
            return view(renewals.find(id).orElseThrow(), unit);
        } finally {
            if (file != null) deleteQuietly(file);
        }
    }

    public RenewalView visible(long id, CurrentUser user) {
        RenewalRepository.Stored r = find(id, user);
        return view(r, organisations.unit(r.unitId()).orElseThrow());
    }

    public List<RenewalView> ofUnit(long unitId, CurrentUser user) {
        Unit unit = organisations.visibleUnit(unitId, user);
        return renewals.ofUnit(unit.id(), 20).stream().map(r -> view(r, unit)).toList();
    }

    public List<LineView> lines(long id, Boolean included, String item, int limit, int offset, CurrentUser user) {
        find(id, user);
        return renewals.lines(id, included, item == null || item.isBlank() ? null : item.strip(), limit, offset).stream()
                .map(this::lineView).toList();
    }

    /** Sets a line out (with the reason the operator gives) or back in, while the proposal is open. */
    @Transactional
    public LineView change(long id, int lineNo, LineChange change, CurrentUser user) {
        RenewalRepository.Stored r = open(id, user);
        RenewalRepository.Line line = renewals.line(r.id(), lineNo).orElseThrow(() -> new NotFoundException("续保名单中没有该行"));
        Checks checks = new Checks();
        checks.require("included", change.included(), "是否续保");
        checks.throwIfInvalid();
        if (change.included() && line.memberId() == null) throw new ConflictException("included", "该行没有可续保的职工：" + line.reason());
        String reason = change.included() ? null : change.reason() == null || change.reason().isBlank() ? "经办人移出" : change.reason().strip();
        renewals.setIncluded(r.id(), lineNo, change.included(), reason);
        return lineView(renewals.line(r.id(), lineNo).orElseThrow());
    }

    /** Adds a worker of the unit the proposal did not list, with the items to renew. */
    @Transactional
    public LineView add(long id, NewLine command, CurrentUser user) {
        RenewalRepository.Stored r = open(id, user);
        Checks checks = new Checks();
        checks.require("memberId", command.memberId(), "职工");
        checks.check(command.items() != null && !command.items().isEmpty(), "items", "至少选择一个保障项目");
        checks.throwIfInvalid();
        Member member = members.find(command.memberId()).filter(m -> m.unitId() != null && m.unitId() == r.unitId())
                .orElseThrow(() -> InvalidInputException.of("memberId", "职工不存在或不是本单位职工"));
        if (renewals.hasMember(r.id(), member.id())) throw new ConflictException("memberId", "该职工已在续保名单中");
        CatalogueVersion terms = catalogue.activeOn(LocalDate.now(clock).plusDays(1));
        List<Coverage> items = command.items().stream().map(i -> {
            var item = terms.item(i.item() == null ? "" : i.item().strip())
                    .orElseThrow(() -> InvalidInputException.of("items", "保障项目不存在：" + i.item()));
            String plan = i.plan() == null || i.plan().isBlank() ? item.defaultPlan() : i.plan().strip();
            var p = item.plan(plan).orElseThrow(() -> InvalidInputException.of("items", item.name() + "没有“" + plan + "”方案"));
            int shares = i.shares() == null ? 1 : i.shares();
            if (shares < 1 || shares > item.maxShares()) throw InvalidInputException.of("items", item.name() + "份数应在1至" + item.maxShares() + "份之间");
            return new Coverage(item.code(), p.code(), shares, null, null, p.price().times(shares), false);
        }).toList();
        int lineNo = renewals.nextLineNo(r.id());
        Money premium = items.stream().map(Coverage::premium).reduce(Money.ZERO, Money::plus);
        renewals.insertLine(r.id(), new RenewalRepository.Line(lineNo, member.id(), member.name(), member.maskedIdNumber(),
                RenewalLineSource.ADDED, true, null, items, premium, null));
        return lineView(renewals.line(r.id(), lineNo).orElseThrow());
    }

    /** Bills the stored proposal once; confirming a confirmed proposal answers it as it is, billing nothing more. */
    @Transactional
    public RenewalView confirm(long id, CurrentUser user) {
        find(id, user);
        RenewalRepository.Stored r = renewals.lock(id).orElseThrow();
        Unit unit = organisations.unit(r.unitId()).orElseThrow();
        if (r.status() == RenewalStatus.CONFIRMED) return view(r, unit);
        if (r.status() != RenewalStatus.PROPOSED) throw new ConflictException("status", "该续保方案已" + r.status().label() + "，不能确认");
        if (!renewals.hasIncluded(id)) throw new ConflictException("lines", "续保名单中没有要续保的职工");
        Long billId = confirmation.confirm(r, unit, LocalDate.now(clock), user.username());
        if (billId == null) throw new ConflictException("lines", "名单中的职工均未通过参保规则，未出账：请查看各行原因");
        renewals.confirm(id, user.username(), clock.instant(), billId);
        return view(renewals.find(id).orElseThrow(), unit);
    }

    private RenewalRepository.Stored find(long id, CurrentUser user) {
        return renewals.find(id).filter(r -> user.role() != Role.MEMBER && user.sees(r.orgPath()))
                .orElseThrow(() -> new NotFoundException("续保方案不存在"));
    }

    private RenewalRepository.Stored open(long id, CurrentUser user) {
        find(id, user);
        RenewalRepository.Stored r = renewals.lock(id).orElseThrow();
        if (r.status() != RenewalStatus.PROPOSED) throw new ConflictException("status", "该续保方案已" + r.status().label() + "，不能再修改");
        return r;
    }

    private RenewalView view(RenewalRepository.Stored r, Unit unit) {
        RenewalRepository.Totals t = renewals.totals(r.id());
        return new RenewalView(r.id(), r.unitId(), unit.name(), r.status().name(), r.status().label(), r.windowFrom(), r.windowTo(),
                r.rosterFile(), r.createdBy(), r.createdAt(), r.decidedBy(), r.decidedAt(), r.billId(),
                r.billId() == null ? null : BillReference.of(r.billId()), t.lines(), t.included(), t.excluded(), t.lastYear(),
                t.fromRoster(), t.added(), t.premium());
    }

    private LineView lineView(RenewalRepository.Line l) {
        CatalogueVersion terms = catalogue.activeOn(LocalDate.now(clock).plusDays(1));
        String items = String.join("、", l.items().stream().map(c -> terms.item(c.item()).map(i -> i.name()
                + i.plan(c.plan()).filter(p -> i.plans().size() > 1).map(p -> "（" + p.name() + "）").orElse("")).orElse(c.item())
                + " " + c.shares() + "份").toList());
        return new LineView(l.lineNo(), l.memberId(), l.name(), l.idMasked(), l.source().name(), l.source().label(), l.included(),
                l.reason(), items, l.premium(), l.coverTo());
    }

    private Path store(InputStream content) {
        try {
            Files.createDirectories(properties.workDir());
            Path file = properties.workDir().resolve(java.util.UUID.randomUUID() + ".renewal.upload");
            try (InputStream in = content) {
                Files.copy(in, file);
            }
            if (Files.size(file) == 0) {
                deleteQuietly(file);
                throw new UnreadableUploadException("文件为空");
            }
            return file;
        } catch (IOException e) {
            throw new UnreadableUploadException("上传的文件无法保存：" + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file holding a roster; nothing depends on it
        }
    }
}
