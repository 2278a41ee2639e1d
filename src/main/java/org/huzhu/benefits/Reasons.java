package org.huzhu.benefits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.huzhu.benefits.BenefitResult.Reason;

/** Small helpers for the Chinese reason messages: amounts in yuan with two decimals. */
final class Reasons {

    private Reasons() {
    }

    static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + "元";
    }

    static Reason of(ReasonCode code, String message) {
        return new Reason(code, message);
    }
}
