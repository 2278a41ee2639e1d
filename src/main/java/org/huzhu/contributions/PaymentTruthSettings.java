package org.huzhu.contributions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings of payment truth (docs/contributions.md, “Payment truth”): how many days back a unit may date a declared
 * payment before finance must confirm it, how many working days the bank has to show declared money before it counts as
 * unconfirmed, and the fund's receiving account printed on bills (the fund's own account, not personal data).
 */
@Component
class PaymentTruthSettings {

    final int declaredBackdateDays;
    final int unconfirmedAfterWorkingDays;
    final ReceivingAccount receivingAccount;

    PaymentTruthSettings(@Value("${huzhu.contributions.declared-backdate-days:7}") int declaredBackdateDays,
                         @Value("${huzhu.contributions.unconfirmed-after-working-days:10}") int unconfirmedAfterWorkingDays,
                         @Value("${huzhu.contributions.receiving-account.name:}") String name,
                         @Value("${huzhu.contributions.receiving-account.bank:}") String bank,
                         @Value("${huzhu.contributions.receiving-account.number:}") String number) {
        this.declaredBackdateDays = declaredBackdateDays;
        this.unconfirmedAfterWorkingDays = unconfirmedAfterWorkingDays;
        this.receivingAccount = new ReceivingAccount(name, bank, number);
    }

    /**
     * The fund's account a unit pays into: name (户名), bank (开户行) and number (账号). Blank when not configured; the
     * bill then says to ask the union for it.
     */
    record ReceivingAccount(String name, String bank, String accountNumber) {
        boolean configured() {
            return !name.isBlank() && !accountNumber.isBlank();
        }
    }
}
