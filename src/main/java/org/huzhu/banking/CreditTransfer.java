package org.huzhu.banking;

import org.huzhu.shared.Money;

/**
 * One credit transfer in a payment file: the payee, their account, the amount and the end-to-end
 * reference the bank echoes in every answer. {@link #toString()} never shows the account number.
 */
public record CreditTransfer(String endToEndId, String payeeName, String bankName, String accountNumber, Money amount,
                             String remittance) {

    @Override
    public String toString() {
        String masked = accountNumber == null || accountNumber.length() < 8 ? "****"
                : accountNumber.substring(0, 4) + " **** " + accountNumber.substring(accountNumber.length() - 4);
        return "CreditTransfer[" + endToEndId + ", " + payeeName + ", " + bankName + " " + masked + ", " + amount + "]";
    }
}
