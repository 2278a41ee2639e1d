package org.huzhu.banking.statement;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * One movement on the fund's bank account as the bank reported it. {@code amount} is positive;
 * {@code credit} says whether money came in. {@code bankReference} is the bank's own reference
 * (流水号 / AcctSvcrRef), unique per line; {@code endToEndId} the payer's reference, when given.
 * {@code counterpartyAccount} is masked ({@code 6222 **** **** 1234}): the full number is kept only
 * encrypted ({@link StoredCounterparty}).
 */
public record StatementLine(long id, long statementId, String account, LocalDate bookingDate, LocalDate valueDate,
                            boolean credit, Money amount, String currency, String counterpartyName,
                            String counterpartyAccount, String remittance, String endToEndId, String bankReference,
                            LineStatus status, String matchedReference, String note) {

    /** Money into the account positive, money out negative. */
    public Money signedAmount() {
        return credit ? amount : Money.ZERO.minus(amount);
    }

    /** Remittance information and end-to-end reference together: where a payer's reference may be written. */
    public String references() {
        StringBuilder text = new StringBuilder();
        if (remittance != null) text.append(remittance);
        if (endToEndId != null) text.append(' ').append(endToEndId);
        return text.toString();
    }
}
