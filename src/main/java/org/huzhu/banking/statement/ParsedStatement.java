package org.huzhu.banking.statement;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;

/** A statement file read completely and checked, before anything is stored. */
record ParsedStatement(String format, String messageId, List<Line> lines) {

    /**
     * One movement. {@code position} names it in messages ("第 3 行", "第 2 笔分录");
     * {@code bankReference} may be null in camt.053, where it is optional.
     */
    record Line(String position, String account, LocalDate bookingDate, LocalDate valueDate, boolean credit, Money amount,
                String currency, String counterpartyName, String counterpartyAccount, String remittance, String endToEndId,
                String bankReference) {
    }
}
