package org.huzhu.memberapp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.claims.ClaimStatus;
import org.huzhu.claims.ClaimView;
import org.huzhu.claims.Claims;
import org.huzhu.claims.DiagnosisNames;
import org.huzhu.claims.PlainReasons;
import org.huzhu.claims.WhatHappened;
import org.huzhu.shared.Money;
import org.springframework.stereotype.Component;

/**
 * A worker's claim in plain words for the member app: what was read from each photo (to confirm or correct), the
 * estimate, what is still missing, when it will be paid, what else the worker could claim with it, the timeline
 * without the staff's terms (review levels, working days used), each item's decision and reasons, and the payout;
 * the appeal (申诉) in plain words, until when one may be lodged, and the decision letters (决定书) to download.
 */
@Component
class OwnClaimViews {

    /** The fields of a receipt a worker confirms or corrects, as recognition names them (contract §2). */
    static final List<String> READ_FIELDS = List.of("invoiceCode", "invoiceNumber", "issueDate", "hospital", "admissionDate",
            "dischargeDate", "total", "fundPaid", "selfPaid", "selfFunded");

    record Diagnosis(String code, String name) {
    }

    /**
     * A photo, what it was read as, and for a discharge summary or a certificate the diagnosis read from it with the code it
     * suggests ({@code suggestion}, null when none), which the worker adopts or not while filing.
     */
    record Photo(long id, String kind, String kindName, String fileName, String reading, String message, Map<String, String> fields,
                 Suggestion suggestion) {
    }

    /** The diagnosis read, the suggested code and its standard name, and what was decided (null: not yet, ACCEPTED, REJECTED). */
    record Suggestion(String diagnosis, String code, String name, String decision) {
    }

    record Receipt(String invoiceCode, String invoiceNumber, Money amount) {
    }

    record Prompt(String item, String itemName, String text, List<String> missingMaterials) {
    }

    record Item(String item, String itemName, String decision, String decisionName, Money amount, List<String> reasons) {
    }

    record Step(Instant at, String text) {
    }

    record Payout(Money amount, String statusName, String maskedAccount, LocalDate settledOn, String reason) {
    }

    /** The worker's appeal: where it stands and, once decided, the outcome in plain words and the reviewer's reasons. */
    record Appeal(boolean pending, String words, Instant lodgedAt, String reason, String decisionReason) {
    }

    /** A decision letter to download. */
    record Letter(int number, String title, LocalDate decidedOn, String href) {
    }

    record OwnClaim(long id, String reference, ClaimStatus status, String statusName, String whatHappened, LocalDate incidentDate,
                    List<Diagnosis> diagnoses, HospitalStay hospitalStay, Expenses expenses, List<Photo> photos, List<Receipt> receipts,
                    Money estimate, List<String> missingMaterials, LocalDate promiseDueOn, String promise, List<Prompt> prompts,
                    List<Item> items, List<Step> timeline, List<Payout> payouts, boolean draft, boolean canAddPhotos,
                    boolean waitingForMaterials, List<String> missingKinds, String amountWords, boolean decided, String askedWhy,
                    LocalDate askedBy, Appeal appeal, LocalDate appealableUntil, List<Letter> letters) {
    }

    record Summary(long id, String reference, ClaimStatus status, String statusName, LocalDate incidentDate, Money estimate,
                   Money approvedTotal, LocalDate promiseDueOn) {
    }

    private final Catalogue catalogue;
    private final DiagnosisNames names;
    private final Claims claims;

    OwnClaimViews(Catalogue catalogue, DiagnosisNames names, Claims claims) {
        this.catalogue = catalogue;
        this.names = names;
        this.claims = claims;
    }

    OwnClaim of(ClaimView c) {
        boolean open = c.status() != ClaimStatus.PAID && c.status() != ClaimStatus.REJECTED && c.status() != ClaimStatus.WITHDRAWN;
        ClaimView.MaterialRequestView asked = c.status() != ClaimStatus.MATERIALS_REQUESTED ? null : c.evidence().materialRequests().stream()
                .filter(r -> "OPEN".equals(r.status())).reduce((a, b) -> b).orElse(null);
        List<String> missing = asked != null ? asked.outstanding().stream().map(ClaimView.RequirementView::name).toList()
                : open ? c.missingMaterials() : List.of();
        List<String> missingKinds = asked != null ? asked.outstanding().stream().map(r -> r.code().split("\\|")[0]).toList()
                : open ? kindsOf(c.missingMaterials()) : List.of();
        boolean waiting = asked != null || (c.status() == ClaimStatus.SUBMITTED || c.status() == ClaimStatus.RECOGNISED) && !missing.isEmpty();
        boolean refused = c.status() == ClaimStatus.REJECTED || c.status() == ClaimStatus.APPEALED;   // nothing approved (yet)
        List<String> diagnoses = c.diagnoses() == null ? List.of() : c.diagnoses();
        return new OwnClaim(c.id(), c.reference(), c.status(), c.status().chinese(),
                WhatHappened.of(c.kind(), c.hospitalStay() != null, c.items()).words(), c.incidentDate(),
                diagnoses.stream().map(d -> new Diagnosis(d, names.nameOf(d).orElse("其他疾病"))).toList(), c.hospitalStay(), c.expenses(),
                c.documents().stream().map(d -> photo(d, c.status() == ClaimStatus.DRAFT)).toList(),
                c.receipts().stream().map(r -> new Receipt(r.invoiceCode(), r.invoiceNumber(), r.amount())).toList(),
                c.status() == ClaimStatus.DRAFT ? c.computedTotal() : Optional.ofNullable(c.approvedTotal()).orElse(c.computedTotal()),
                missing, c.promiseDueOn(), promise(c, open),
                c.status() == ClaimStatus.DRAFT ? c.hints().stream().map(OwnClaimViews::prompt).toList() : List.of(),
                c.benefits().stream().map(this::item).toList(), timeline(c.timeline()),
                c.payoutRequests().stream().map(p -> new Payout(p.amount(), p.statusName(), p.maskedAccount(), p.settledOn(),
                        p.reason())).toList(),
                c.status() == ClaimStatus.DRAFT, open, waiting, missingKinds,
                c.approvedTotal() != null ? "核准互助金" : refused ? "互助金" : "预估可领",   // an estimate until decided
                c.approvedTotal() != null || refused, asked == null ? null : why(asked), asked == null ? null : asked.dueOn(),
                appeal(c.appeal()), c.appealableUntil(),
                c.letters().stream().map(l -> new Letter(l.number(), l.title(), l.decidedOn(),
                        "/api/v1/m/claims/" + c.id() + "/letters/" + l.number())).toList());
    }

    /** Why the materials are asked for, in the reviewer's coded words and note; nothing when they are simply missing. */
    private static String why(ClaimView.MaterialRequestView asked) {
        List<String> why = new ArrayList<>(asked.reasons().stream().filter(r -> !r.code().equals("MISSING") && !r.code().equals("OTHER"))
                .map(ClaimView.ReasonNameView::name).toList());
        if (asked.note() != null) why.add(asked.note());
        return why.isEmpty() ? null : String.join("；", why);
    }

    private static Appeal appeal(ClaimView.AppealView a) {
        if (a == null) return null;
        String words = a.pending() ? "申诉已受理，正在由上一级工会复核"
                : !"CHANGED".equals(a.outcome()) ? "申诉复核结果：维持原决定"
                : a.supplement() != null ? "申诉复核结果：调增给付，补发互助金 " + a.supplement() + " 元"
                : "申诉复核结果：改为核准给付，互助金 " + a.decidedTotal() + " 元";
        return new Appeal(a.pending(), words, a.lodgedAt(), a.reason(), a.decisionReason());
    }

    /** The kinds of the missing materials named (a photo added for one is filed as that kind). */
    private List<String> kindsOf(List<String> names) {
        return claims.documentKinds().stream().filter(k -> names.contains(k.name())).map(Claims.DocumentKindName::kind).toList();
    }

    Summary summary(ClaimView.Summary s) {
        return new Summary(s.id(), s.reference(), s.status(), s.status().chinese(), s.incidentDate(), s.computedTotal(), s.approvedTotal(),
                s.promiseDueOn());
    }

    private String promise(ClaimView c, boolean open) {
        int days = claims.promisedWorkingDays();
        if (!open) return null;
        if (c.promiseDueOn() != null) return "材料已齐全，预计 " + c.promiseDueOn() + " 前支付（材料齐全后" + days + "个工作日内）";
        return "材料齐全后" + days + "个工作日内支付";
    }

    /** A photo and what it was read as; only a draft's worker is asked to check what was read (after that, the reviewers do). */
    private static Photo photo(ClaimView.DocumentView d, boolean draft) {
        ClaimView.ReadingView r = d.reading();
        Map<String, String> fields = new LinkedHashMap<>();
        if (r != null && r.fields() != null) READ_FIELDS.forEach(f -> { if (r.fields().get(f) != null) fields.put(f, r.fields().get(f)); });
        String message = r == null ? null : switch (r.status()) {
            case "PENDING" -> "正在识别，请稍候";
            case "UNREADABLE" -> draft ? "未能识别，请核对后手工填写或重新拍照" : "未能识别，工作人员将人工核对";
            default -> r.usedByClaimId() != null ? "这张票据已用于其他申请，不能重复申领" : draft ? "已识别，请核对" : "已识别";
        };
        ClaimView.DiagnosisSuggestionView s = r == null ? null : r.diagnosisSuggestion();
        Suggestion suggestion = s == null ? null : new Suggestion(r.fields().get("diagnosis"), s.code(), s.name(), s.decision());
        return new Photo(d.id(), d.kind(), d.kindName(), d.fileName(), r == null ? null : r.status(), message, fields, suggestion);
    }

    private static Prompt prompt(ClaimView.HintView h) {
        String text = "您还参加了" + h.itemName() + "，可一并申领"
                + (h.missingMaterials().isEmpty() ? "" : "，需补充：" + String.join("、", h.missingMaterials()));
        return new Prompt(h.item(), h.itemName(), text, h.missingMaterials());
    }

    /** An item's decision in plain words; an amount a reviewer cut says so, with the coded reason (never the reviewer's note). */
    private Item item(ClaimView.BenefitView b) {
        boolean cut = b.adjustedAmount() != null && b.adjustedAmount().compareTo(b.amount()) < 0 && b.adjustReasonName() != null;
        String name = cut ? "核减给付" : switch (b.decision()) {
            case PAY -> "可给付";
            case REDUCED -> "按限额给付";
            case REJECT -> "不予给付";
        };
        List<String> reasons = cut ? List.of(b.adjustReasonName()) : b.decision() == Decision.PAY ? List.of()
                : b.reasons().stream().map(r -> PlainReasons.of(r.code())).distinct().toList();
        Money amount = b.adjustedAmount() != null ? b.adjustedAmount() : b.amount();
        return new Item(b.item(), itemName(b.item()), b.decision().name(), name, amount, reasons);
    }

    private String itemName(String code) {
        return catalogue.itemName(code);
    }

    /** The timeline in plain words: the steps a worker recognises, none of the staff's own steps. */
    static List<Step> timeline(List<ClaimView.TimelineEntry> entries) {
        List<Step> steps = new ArrayList<>();
        for (ClaimView.TimelineEntry e : entries) {
            String text = plain(e);
            if (text != null) steps.add(new Step(e.at(), text));
        }
        return steps;
    }

    private static String plain(ClaimView.TimelineEntry e) {
        String reason = e.reason() == null ? "" : e.reason();
        if (e.from() == e.to()) {
            if (reason.startsWith("等待票据识别")) return "正在识别您上传的票据";
            if (e.to() == ClaimStatus.DRAFT) return "修改了申请";
            return appealStep(reason);   // else reviewers' own steps (first approval, figures changed …): null
        }
        return switch (e.to()) {
            case DRAFT -> "填写申请";
            case SUBMITTED -> e.from() == ClaimStatus.MATERIALS_REQUESTED ? "材料已补齐，重新测算" : "提交申请";
            case RECOGNISED -> "票据识别完成";
            case UNDER_REVIEW -> e.from() == ClaimStatus.MATERIALS_REQUESTED ? "材料已补齐，工作人员继续审核" : "工作人员审核中";
            case APPROVED -> e.from() == ClaimStatus.APPEALED ? "申诉复核：改为核准给付" : "审核通过";
            case REJECTED -> e.from() == ClaimStatus.APPEALED ? "申诉复核：维持原决定" : "不予给付，原因见各项目说明";
            case PAYMENT_PENDING -> "正在把互助金支付到您的银行卡";
            case PAID -> "互助金已支付";
            case PAYMENT_FAILED -> "支付未成功，请核对您的银行卡";
            case WITHDRAWN -> e.from() == ClaimStatus.DRAFT && !ClaimView.TimelineEntry.SYSTEM.equals(e.actor()) ? "您已撤回申请"
                    : "长时间未补充材料或未提交，申请已关闭（不是拒付，票据可以用于新的申请）";
            case MATERIALS_REQUESTED -> reason.contains("请补充") ? "请补充材料：" + reason.substring(reason.indexOf("请补充") + 3) : "请补充材料";
            case APPEALED -> "提出申诉，等待上一级工会复核";
        };
    }

    /** An appeal's step that leaves the claim's state as it is (an appeal against a cut, the difference it pays), or null. */
    private static String appealStep(String reason) {
        if (reason.startsWith("提出申诉")) return "提出申诉，等待上一级工会复核";
        if (reason.startsWith("申诉复核：维持原决定")) return "申诉复核：维持原决定";
        if (reason.startsWith("申诉复核：调增给付")) return "申诉复核：调增给付，差额另行支付";
        if (!reason.startsWith("申诉补发互助金：")) return null;
        if (reason.contains("已到账")) return "补发的互助金已到账";
        if (reason.contains("已发送银行")) return "补发的互助金已发往银行";
        if (reason.contains("重新支付")) return "补发的互助金已重新支付";
        return "补发的互助金未能到账，请核对您的银行卡";
    }
}
