package org.huzhu.claims;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a reviewer approves a claim without a material it requires (审核豁免): the one list of codes with their
 * Chinese ({@code GET /api/v1/claims/review-rules}). Free text may accompany a code; {@code OTHER} needs it.
 */
public enum WaiverReason {
    ORIGINAL_SIGHTED("已现场核验原件"),
    HELD_IN_OFFICE("同一材料已在本办公室存档（其他案件或参保档案）"),
    HOSPITAL_CONFIRMED("医院已书面或电话确认"),
    NOT_APPLICABLE("本案不适用该材料"),
    OTHER("其他（须说明）");

    private final String chinese;

    WaiverReason(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    static Optional<WaiverReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
