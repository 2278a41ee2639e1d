package org.huzhu.recognition.specimen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.huzhu.recognition.specimen.ReceiptLayout.Entry;

/**
 * The deposit lines some forms print beside 其他信息 (预缴金额, 补缴金额, 退费金额): amounts that are
 * no field of the API, there to be taken for none. The deposit is the cash rounded to 500 yuan;
 * what it falls short is topped up, what it exceeds refunded, so the three agree with the cash.
 */
final class Deposit {

    private static final BigDecimal STEP = new BigDecimal("500");

    private Deposit() {}

    static List<Entry> entries(ReceiptTruth truth, double baseline) {
        ReceiptForm form = truth.form();
        BigDecimal cash = new BigDecimal(truth.cashPaid());
        BigDecimal deposit = cash.divide(STEP, 0, RoundingMode.HALF_UP).multiply(STEP).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal toppedUp = cash.subtract(deposit).max(BigDecimal.ZERO.setScale(2));
        BigDecimal refunded = deposit.subtract(cash).max(BigDecimal.ZERO.setScale(2));
        return List.of(
                new Entry("预缴金额：", null, t -> form.money(deposit.toPlainString()), 66, baseline),
                new Entry("补缴金额：", null, t -> form.money(toppedUp.toPlainString()), 120, baseline),
                new Entry("退费金额：", null, t -> form.money(refunded.toPlainString()), 170, baseline));
    }
}
