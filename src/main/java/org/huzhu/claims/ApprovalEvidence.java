package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huzhu.claims.ClaimView.CheckView;
import org.huzhu.claims.ClaimView.RequirementView;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.InvalidInputException;

/**
 * Approval needs its evidence (issue 19, item 2): a claim is approved only when every material its paying items require
 * is there or waived with a coded reason ({@link WaiverReason}), and every cross-check warning ({@link EvidenceChecks})
 * has been acknowledged by the approving reviewer. Waivers and acknowledgements are kept (append-only) and written to
 * the timeline with the approval. Called by {@link ClaimReviews} inside its transaction.
 */
final class ApprovalEvidence {

    private final Claims claims;
    private final MaterialRequestRepository requests;
    private final Clock clock;

    ApprovalEvidence(Claims claims, MaterialRequestRepository requests, Clock clock) {
        this.claims = claims;
        this.requests = requests;
        this.clock = clock;
    }

    void requireFor(Claim claim, List<ClaimReviews.Waiver> waivers, List<String> acknowledged, CurrentUser user) {
        ClaimView.Evidence evidence = claims.views().view(claim).evidence();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<MaterialRequestRepository.Waiver> given = waivers(evidence, waivers, user.username(), now);
        Set<String> before = new HashSet<>();   // what this reviewer acknowledged earlier (read once)
        requests.acknowledgements(claim.id).stream().filter(a -> a.acknowledgedBy().equals(user.username()))
                .forEach(a -> before.add(a.checkKey()));
        Set<String> seen = new HashSet<>(before);
        if (acknowledged != null) seen.addAll(acknowledged);
        List<CheckView> unseen = evidence.checks().stream().filter(c -> !seen.contains(c.key())).toList();
        if (!unseen.isEmpty()) {
            throw InvalidInputException.of("acknowledged", "核准前请逐条确认以下提示：" + String.join("；", unseen.stream().map(CheckView::message).toList()));
        }
        if (!given.isEmpty()) {
            requests.waive(claim.id, given);
            for (MaterialRequestRepository.Waiver w : given) {
                claim.record(user.username(), now, "豁免材料「" + name(evidence, w.requirement()) + "」：" + w.reason().chinese()
                        + (w.note() == null ? "" : "（" + w.note() + "）"));
            }
        }
        List<CheckView> fresh = evidence.checks().stream().filter(c -> !before.contains(c.key())).toList();
        if (!fresh.isEmpty()) {
            requests.acknowledge(claim.id, fresh.stream().map(c -> new MaterialRequestRepository.Acknowledgement(c.key(), c.message(),
                    user.username(), now)).toList());
            claim.record(user.username(), now, "已核对并确认提示：" + String.join("；", fresh.stream().map(CheckView::message).toList()));
        }
    }

    /** The waivers the approval gives, checked: one for each requirement still missing and not waived before. */
    private static List<MaterialRequestRepository.Waiver> waivers(ClaimView.Evidence evidence, List<ClaimReviews.Waiver> waivers,
                                                                  String by, Instant at) {
        Set<String> waivedBefore = new HashSet<>();
        evidence.waivers().forEach(w -> waivedBefore.add(w.requirement().code()));
        Map<String, RequirementView> missing = new LinkedHashMap<>();
        evidence.missingRequirements().stream().filter(r -> !waivedBefore.contains(r.code())).forEach(r -> missing.put(r.code(), r));
        Checks checks = new Checks();
        List<MaterialRequestRepository.Waiver> given = new ArrayList<>();
        for (int i = 0; waivers != null && i < waivers.size(); i++) {
            ClaimReviews.Waiver w = waivers.get(i);
            String at0 = "waivers[" + i + "]";
            if (w == null || w.requirement() == null || !missing.containsKey(w.requirement())) {
                checks.add(at0 + ".requirement", "该材料并未缺少，无需豁免：" + (w == null ? "" : w.requirement()));
                continue;
            }
            WaiverReason reason = WaiverReason.of(w.reasonCode()).orElse(null);
            String note = w.note() == null || w.note().isBlank() ? null : w.note().strip();
            if (reason == null) checks.add(at0 + ".reasonCode", "请选择豁免原因");
            else if (reason == WaiverReason.OTHER && note == null) checks.add(at0 + ".note", "豁免原因为「其他」时须写明说明");
            else if (note != null && note.length() > 200) checks.add(at0 + ".note", "说明不能超过200字");
            else given.add(new MaterialRequestRepository.Waiver(w.requirement(), reason, note, by, at));
        }
        checks.throwIfInvalid();
        Set<String> covered = new HashSet<>();
        given.forEach(w -> covered.add(w.requirement()));
        List<String> unwaived = missing.values().stream().filter(r -> !covered.contains(r.code())).map(RequirementView::name).toList();
        if (!unwaived.isEmpty()) {
            throw InvalidInputException.of("waivers", "尚缺申领材料：" + String.join("、", unwaived) + "。请退回补件，或逐项选择豁免原因后再核准");
        }
        return given;
    }

    private static String name(ClaimView.Evidence evidence, String code) {
        return evidence.missingRequirements().stream().filter(r -> r.code().equals(code)).map(RequirementView::name).findFirst().orElse(code);
    }
}
