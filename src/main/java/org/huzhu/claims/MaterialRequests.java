package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huzhu.claims.MaterialRequestRepository.Request;
import org.huzhu.shared.database.Pipeline;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;

/**
 * 退回补件 (issue 19, item 1): a claim is sent back with coded reasons and the requirements wanted — by a reviewer, or by
 * the system for a claim submitted incomplete — instead of being rejected or approved without them. The payment
 * promise pauses; the worker and the unit's operators are told what is needed and by when
 * ({@code huzhu.claims.materials-due-days}, default 60). Once a document of every requirement wanted has arrived the
 * claim goes back to the reviewer who asked, or is judged again, and the promise restarts. Called by {@link Claims}
 * and {@link ClaimReviews} inside their transactions.
 */
final class MaterialRequests {

    private final ClaimRepository claims;
    private final MaterialRequestRepository requests;
    private final Materials materials;
    private final ClaimNews news;
    private final ClaimsProperties settings;
    private final Clock clock;

    MaterialRequests(ClaimRepository claims, MaterialRequestRepository requests, Materials materials, ClaimNews news,
                     ClaimsProperties settings, Clock clock) {
        this.claims = claims;
        this.requests = requests;
        this.materials = materials;
        this.news = news;
        this.settings = settings;
        this.clock = clock;
    }

    /** A reviewer's request: reason codes, requirement codes (kinds, {@code A|B} for either) and a note ({@code OTHER} needs it). */
    record SendBack(List<String> reasons, List<String> materials, String note) {
    }

    /** The system sends a claim submitted incomplete back, in the judgement's pipeline; the request once that is sent. */
    java.util.function.Supplier<Request> bySystem(Claim claim, List<Materials.Requirement> wanted, List<MaterialRequestReason> reasons, Pipeline writes) {
        Instant now = now();
        List<String> codes = wanted.stream().map(Materials.Requirement::code).distinct().toList();
        String names = String.join("、", wanted.stream().map(materials::name).distinct().toList());
        claim.requestMaterials(Claim.SYSTEM, now, "材料不全，退回补件（" + reasonsText(reasons) + "）：请补充" + names);
        LocalDate due = today().plusDays(settings.materialsDueDays());
        java.util.function.Supplier<Long> id = requests.insert(claim.id, now, Claim.SYSTEM, false, reasons, codes, null, due, writes);
        news.materialsMissing(claim, asked(wanted, reasons), today(), Claim.SYSTEM);
        return () -> new Request(id.get(), claim.id, now, Claim.SYSTEM, false, reasons, codes, null, MaterialRequestRepository.JUST_MADE,
                due, null, null);
    }

    /** A reviewer sends a claim in review back; the claim is written here. */
    void byReviewer(Claim claim, SendBack sendBack, String reviewer) {
        if (sendBack == null) throw InvalidInputException.of("body", "缺少请求体");
        List<MaterialRequestReason> reasons = new ArrayList<>();
        for (int i = 0; sendBack.reasons() != null && i < sendBack.reasons().size(); i++) {
            String code = sendBack.reasons().get(i);
            reasons.add(MaterialRequestReason.of(code).orElseThrow(() -> InvalidInputException.of("reasons", "退回原因代码无效：" + code)));
        }
        if (reasons.isEmpty()) throw InvalidInputException.of("reasons", "请选择退回补件的原因");
        String note = sendBack.note() == null || sendBack.note().isBlank() ? null : sendBack.note().strip();
        if (note != null && note.length() > 500) throw InvalidInputException.of("note", "说明不能超过500字");
        if (reasons.contains(MaterialRequestReason.OTHER) && note == null) throw InvalidInputException.of("note", "原因为「其他」时须写明说明");
        Set<Materials.Requirement> wanted = new LinkedHashSet<>();
        for (int i = 0; sendBack.materials() != null && i < sendBack.materials().size(); i++) {
            String code = sendBack.materials().get(i);
            Materials.Requirement r = materials.requirement(code);
            if (r == null) throw InvalidInputException.of("materials[" + i + "]", "材料类型无效：" + code);
            wanted.add(r);
        }
        if (wanted.isEmpty()) throw InvalidInputException.of("materials", "请选择需要补充的材料");
        Instant now = now();
        List<Materials.Requirement> list = List.copyOf(wanted);
        claim.requestMaterials(reviewer, now, "退回补件（" + reasonsText(reasons) + "）：请补充"
                + String.join("、", list.stream().map(materials::name).toList()) + (note == null ? "" : "；说明：" + note));
        if (!claims.update(claim)) throw new ConflictException(Claims.STALE);
        requests.insert(claim.id, now, reviewer, true, reasons, list.stream().map(Materials.Requirement::code).toList(), note,
                today().plusDays(settings.materialsDueDays()));
        List<String> asked = new ArrayList<>(asked(list, reasons));
        if (note != null) asked.add("说明：" + note);
        news.materialsMissing(claim, asked, today(), reviewer);
    }

    /**
     * After documents arrive on a claim sent back: when a document of every requirement wanted came after the request,
     * the request is answered and the claim moves on. Returns whether the claim is now to be judged again (the system
     * asked); the caller judges it.
     */
    boolean answerIfComplete(Claim claim, boolean nothingElseMissing) {
        if (claim.status() != ClaimStatus.MATERIALS_REQUESTED) return false;
        Request open = requests.open(claim.id).orElse(null);
        if (open == null) return false;
        List<String> arrived = requests.kindsArrivedSince(open);
        boolean all = open.requirements().stream().map(materials::requirement).allMatch(r -> r == null || r.metBy(arrived));
        if (!all) return false;
        Instant now = now();
        requests.answered(open.id(), now);
        claim.materialsArrived(now, today(), open.backToReview(), nothingElseMissing);
        if (!claims.update(claim)) throw new ConflictException(Claims.STALE);
        return !open.backToReview();
    }

    /** What the worker reads: each requirement, with the reason when it is not simply missing. */
    private List<String> asked(List<Materials.Requirement> wanted, List<MaterialRequestReason> reasons) {
        List<String> why = reasons.stream().filter(r -> r != MaterialRequestReason.MISSING && r != MaterialRequestReason.OTHER)
                .map(MaterialRequestReason::chinese).toList();
        List<String> names = wanted.stream().map(materials::name).distinct().toList();
        if (why.isEmpty()) return names;
        List<String> asked = new ArrayList<>(names);
        asked.set(asked.size() - 1, asked.getLast() + "（" + String.join("；", why) + "）");
        return asked;
    }

    private static String reasonsText(List<MaterialRequestReason> reasons) {
        return String.join("；", reasons.stream().map(MaterialRequestReason::chinese).toList());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
