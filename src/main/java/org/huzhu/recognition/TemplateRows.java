package org.huzhu.recognition;

import java.util.List;

/**
 * The lines of the national template (docs/receipts.md), top to bottom, as the labels they hold,
 * left to right; a slot may hold one of several labels (住院号 or 门诊号). Used only to place
 * values whose own labels were not read ({@link TemplatePlacement}).
 */
final class TemplateRows {

    private static final List<List<List<ReceiptLabel>>> ROWS = List.of(
            row(List.of(ReceiptLabel.INVOICE_CODE), List.of(ReceiptLabel.INVOICE_NUMBER)),
            row(List.of(ReceiptLabel.PAYER_CREDIT_CODE), List.of(ReceiptLabel.CHECK_CODE)),
            row(List.of(ReceiptLabel.PAYER), List.of(ReceiptLabel.ISSUE_DATE)),
            row(List.of(ReceiptLabel.INPATIENT_NUMBER, ReceiptLabel.OUTPATIENT_NUMBER, ReceiptLabel.RECORD_NUMBER),
                    List.of(ReceiptLabel.INSTITUTION_TYPE), List.of(ReceiptLabel.STAY, ReceiptLabel.VISIT_DATE)),
            row(List.of(ReceiptLabel.TOTAL_IN_WORDS), List.of(ReceiptLabel.TOTAL)),
            row(List.of(ReceiptLabel.SERIAL_NUMBER), List.of(ReceiptLabel.INSURANCE_TYPE)),
            row(List.of(ReceiptLabel.FUND_PAID), List.of(ReceiptLabel.OTHER_PAID), List.of(ReceiptLabel.PERSONAL_ACCOUNT_PAID),
                    List.of(ReceiptLabel.CASH_PAID)),
            row(List.of(ReceiptLabel.SELF_PAID), List.of(ReceiptLabel.SELF_FUNDED)),
            row(List.of(ReceiptLabel.HOSPITAL), List.of(ReceiptLabel.REVIEWER), List.of(ReceiptLabel.CASHIER)));

    private TemplateRows() {
    }

    @SafeVarargs
    private static List<List<ReceiptLabel>> row(List<ReceiptLabel>... slots) {
        return List.of(slots);
    }

    static int count() {
        return ROWS.size();
    }

    static List<List<ReceiptLabel>> row(int index) {
        return ROWS.get(index);
    }

    /** The index of the template line every one of these labels belongs to, or -1. */
    static int indexOf(List<ReceiptLabel> labels) {
        for (int i = 0; i < ROWS.size(); i++) {
            List<List<ReceiptLabel>> row = ROWS.get(i);
            if (labels.stream().allMatch(label -> slotOf(row, label) >= 0)) return i;
        }
        return -1;
    }

    static int slotOf(List<List<ReceiptLabel>> row, ReceiptLabel label) {
        for (int i = 0; i < row.size(); i++) if (row.get(i).contains(label)) return i;
        return -1;
    }

    /** The label of a slot: its only one, or for the stay or visit date the one the document's kind has. */
    static ReceiptLabel choose(List<ReceiptLabel> slot, DocumentKind kind) {
        if (slot.size() == 1) return slot.getFirst();
        if (slot.contains(ReceiptLabel.STAY)) {
            return switch (kind) {
                case INPATIENT_RECEIPT -> ReceiptLabel.STAY;
                case OUTPATIENT_RECEIPT -> ReceiptLabel.VISIT_DATE;
                default -> null;
            };
        }
        return null;
    }
}
