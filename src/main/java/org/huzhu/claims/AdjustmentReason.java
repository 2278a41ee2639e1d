package org.huzhu.claims;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a reviewer sets an item's amount other than the engine computed: the one list of codes, with
 * the Chinese each reviewer and worker reads ({@code GET /api/v1/claims/review-rules} gives it to the
 * console). A code that {@link #raises()} is an override: it alone may set an amount above the
 * computed one, and such figures need a second reviewer. Free text may accompany a code, never replace it.
 */
public enum AdjustmentReason {
    DUPLICATE_EXPENSES("重复票据或重复计费", false),
    UNRELATED_EXPENSES("与本次住院或事故无关的费用", false),
    EXPENSES_NOT_PROVEN("费用缺少票据或结算单佐证", false),
    EXCLUDED_EXPENSES("自费或医保目录外费用", false),
    STAY_DAYS_CORRECTED("住院天数核减", false),
    ENTRY_CORRECTED_DOWN("录入有误，按原始票据核减", false),
    ENTRY_CORRECTED_UP("录入有误，按原始票据核增（特批）", true),
    SPECIAL_APPROVAL("特殊情况经批准核增（特批）", true);

    private final String chinese;
    private final boolean raises;

    AdjustmentReason(String chinese, boolean raises) {
        this.chinese = chinese;
        this.raises = raises;
    }

    public String chinese() {
        return chinese;
    }

    /** An override: the only kind of reason that may set an amount above the computed one. */
    public boolean raises() {
        return raises;
    }

    static Optional<AdjustmentReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
