package org.huzhu.claims;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a claim is sent back for materials (退回补件): the one list of codes with the Chinese the reviewer picks and
 * the worker reads ({@code GET /api/v1/claims/review-rules}). {@code OTHER} needs a note.
 */
public enum MaterialRequestReason {
    MISSING("缺少材料"),
    ILLEGIBLE("材料模糊不清，请重新拍照或扫描"),
    INCOMPLETE("材料不完整（缺页、缺少盖章或签字）"),
    INCONSISTENT("材料内容与申请不一致"),
    NEEDS_ORIGINAL("须提供原件或加盖公章的复印件"),
    OTHER("其他（见说明）");

    private final String chinese;

    MaterialRequestReason(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    static Optional<MaterialRequestReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
