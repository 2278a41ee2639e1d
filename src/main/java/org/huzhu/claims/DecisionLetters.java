package org.huzhu.claims;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.claims.DecisionLetterPdf.Letter;
import org.huzhu.claims.DecisionLetterPdf.Line;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decision letters (决定书), one per decision a claim has had: number 1 records the first approval or rejection
 * (automatic or by a reviewer), number 2 the appeal's decision. Each names the deciding office, the worker, the items
 * with their decision, amount and reasons in plain words (never a diagnosis: reasons come from their codes, never from a
 * reviewer's own words), the total and, for a rejection or an adjustment, how to appeal. Whoever may read the claim
 * may download its letters; the controllers log each download.
 */
@Service
public class DecisionLetters {

    private final Claims claims;
    private final ClaimRepository repository;
    private final AppealRepository appeals;
    private final Members members;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final ClaimsProperties settings;
    private final Clock clock;
    private final DecisionLetterPdf pdf;

    DecisionLetters(Claims claims, ClaimRepository repository, AppealRepository appeals, Members members, Organisations organisations,
                    Catalogue catalogue, ClaimsProperties settings, Clock clock, DecisionLetterPdf pdf) {
        this.claims = claims;
        this.repository = repository;
        this.appeals = appeals;
        this.members = members;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
        this.pdf = pdf;
    }

    /** Letter {@code number} of a claim the user may read, as a PDF; a letter the claim does not have is a 404. */
    @Transactional(readOnly = true)
    public Claims.Download letter(long id, int number, CurrentUser user) {
        Claim claim = claims.visible(id, user);
        Claim.Event decision = AppealViews.decision(repository.events(id)).orElseThrow(DecisionLetters::none);
        Appeal appeal = appeals.find(id).orElse(null);
        Member member = members.visibleMember(claim.facts.memberId(), user);
        Letter letter = switch (number) {
            case 1 -> decisionLetter(claim, decision, appeal, member);
            case 2 -> {
                if (appeal == null || appeal.pending()) throw none();
                yield appealLetter(claim, decision, appeal, member);
            }
            default -> throw none();
        };
        return new Claims.Download(ClaimReference.of(id) + "-" + number + "-决定书.pdf", "application/pdf", pdf.render(letter));
    }

    /** A letter as a download, its handing out written to the operation log. */
    public static ResponseEntity<byte[]> attachment(Claims.Download letter, long claimId) {
        Audit.revealed("下载决定书 " + letter.fileName(), "claim", claimId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(letter.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(letter.content());
    }

    private static NotFoundException none() {
        return new NotFoundException("该申领没有这份决定书");
    }

    private Letter decisionLetter(Claim claim, Claim.Event decision, Appeal appeal, Member member) {
        boolean rejected = decision.to() == ClaimStatus.REJECTED;
        List<Appeal.Figure> figures = appeal != null ? appeal.original().items() : Appeal.Figure.of(repository.benefits(claim.id), rejected);
        ReviewLevel level = appeal != null ? appeal.original().level()
                : claim.reviewLevel() != null ? claim.reviewLevel() : settings.levelFor(Appeal.Figure.total(figures).amount());
        boolean cut = figures.stream().anyMatch(f -> f.adjusted() && f.amount().compareTo(f.computed()) < 0);
        boolean automatic = Claim.SYSTEM.equals(decision.actor());
        String how = automatic ? "系统按互助保障规则自动审核" : office(claim, level) + "审核人员审核";
        String conclusion = rejected ? "不予给付互助金" : cut ? "核准给付互助金（部分项目核减）" : "核准给付互助金";
        LocalDate on = day(decision);
        String route = rejected || cut ? appealRoute(claim, level, AppealViews.deadline(decision, settings.appealDays(), zone()))
                : "本决定核准的互助金将支付至职工登记的收款银行账户。";
        return letter(1, AppealViews.DECISION_LETTER, claim, level, member, on, how, conclusion, figures, List.of(), route);
    }

    private Letter appealLetter(Claim claim, Claim.Event decision, Appeal appeal, Member member) {
        boolean kept = appeal.outcome() == Appeal.Outcome.UPHELD_ORIGINAL;
        String conclusion = kept ? "维持原决定"
                : appeal.kind() == Appeal.Kind.REJECTION ? "改变原决定，核准给付互助金" : "改变原决定，调增给付互助金";
        List<String> notes = new ArrayList<>();
        notes.add("申诉提出日期：" + DecisionLetterPdf.date(LocalDate.ofInstant(appeal.lodgedAt(), zone()))
                + (appeal.onBehalf() ? "（由工作人员代职工提出）" : "（职工本人提出）"));
        notes.add("原决定：" + (appeal.kind() == Appeal.Kind.REJECTION ? "不予给付" : "核准给付并核减部分项目，合计" + appeal.original().total() + "元")
                + "，决定日期" + DecisionLetterPdf.date(day(decision)) + "（见本申领第1号决定书）。");
        if (appeal.supplement() != null) {
            notes.add("复核后互助金合计" + Appeal.Figure.total(appeal.figures()) + "元，较原核定增加" + appeal.supplement()
                    + "元，差额将另行支付至职工登记的收款银行账户。");
        }
        String how = "申诉复核：" + office(claim, appeal.level()) + "未参与原决定的审核人员复核";
        String route = "本决定为申诉复核决定。每件申领只能申诉一次；如有疑问，请携带本决定书到" + office(claim, ReviewLevel.COUNTY) + "咨询。";
        return letter(2, AppealViews.APPEAL_LETTER, claim, appeal.level(), member, LocalDate.ofInstant(appeal.decidedAt(), zone()), how,
                conclusion, appeal.figures(), notes, route);
    }

    private Letter letter(int number, String title, Claim claim, ReviewLevel level, Member member, LocalDate on, String how,
                          String conclusion, List<Appeal.Figure> figures, List<String> notes, String route) {
        return new Letter(title, ClaimReference.of(claim.id) + "-" + number, office(claim, level) + "（职工互助保障）",
                ClaimReference.of(claim.id), member.name(), member.maskedIdNumber(), on, how, conclusion,
                figures.stream().map(this::line).toList(), Appeal.Figure.total(figures), notes, route, LocalDate.now(clock));
    }

    /** How to appeal: within how many days and by when, where, and who decides. */
    private String appealRoute(Claim claim, ReviewLevel level, LocalDate until) {
        return "如对本决定有异议，可自决定之日起" + settings.appealDays() + "日内（" + DecisionLetterPdf.date(until) + "前）通过“掌上办”或到"
                + office(claim, ReviewLevel.COUNTY) + "提出申诉，写明理由，可补充新的材料。申诉由" + office(claim, level.above())
                + "未参与原决定的审核人员复核，每件申领可申诉一次。";
    }

    private Line line(Appeal.Figure f) {
        String name = catalogue.itemName(f.item());
        if (f.adjusted()) {
            boolean cut = f.amount().compareTo(f.computed()) < 0;
            return new Line(name, cut ? "核减给付" : "核增给付", f.amount(), f.adjustReason().chinese() + "（按规则测算" + f.computed() + "元）");
        }
        return switch (f.decision()) {
            case PAY -> new Line(name, "给付", f.amount(), "");
            case REDUCED -> new Line(name, "按限额给付", f.amount(), plain(f));
            case REJECT -> new Line(name, "不予给付", f.amount(), f.reasons().isEmpty() ? PlainReasons.NOT_PAYABLE : plain(f));
        };
    }

    private static String plain(Appeal.Figure f) {
        return String.join("；", f.reasons().stream().map(PlainReasons::of).distinct().toList());
    }

    /**
     * The union office of the claim's path at {@code level} (province, city, county), or the nearest one above it
     * where the worker's unit sits higher up the tree.
     */
    private String office(Claim claim, ReviewLevel level) {
        long[] offices = Arrays.stream(claim.facts.orgPath().split("/")).filter(p -> p.matches("\\d+")).mapToLong(Long::parseLong).toArray();
        int depth = ReviewLevel.PROVINCE.ordinal() - level.ordinal();   // the province first on the path, then the city, the county
        return organisations.node(offices[Math.min(depth, offices.length - 1)]).name();
    }

    private LocalDate day(Claim.Event e) {
        return AppealViews.day(e, zone());
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
