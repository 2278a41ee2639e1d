package org.huzhu.recognition;

/**
 * Whether text has the shape of a label's value: a date or two for the stay, a date, an amount,
 * a code of digits, a name of Chinese characters. Used where a value stands farther from its
 * label than the form's own spacing (a grid's next cell), so only text that could be the value is
 * taken there.
 */
final class FieldShape {

    private FieldShape() {
    }

    static boolean fits(ReceiptLabel label, String text) {
        if (label == ReceiptLabel.STAY) return FieldText.dates(text).size() == 2;
        if (label.field() == null) return false;
        if (label.field() != ReceiptField.PAYER_NAME && label.field() != ReceiptField.HOSPITAL) text = withoutColonMisread(text);
        return switch (label.field()) {
            case INVOICE_CODE, INVOICE_NUMBER -> FieldText.code(text).matches("\\d{6,}");
            case CHECK_CODE -> FieldText.checkCode(text).matches("[0-9a-f]{4,}");
            case ISSUE_DATE, ADMISSION_DATE, DISCHARGE_DATE, VISIT_DATE -> FieldText.dates(text).size() == 1;
            case PAYER_NAME -> FieldText.personName(text).matches(NAME);
            case HOSPITAL -> FieldText.name(text).matches(NAME);
            default -> FieldText.isMoney(FieldText.money(text));
        };
    }

    /** What a person's or a hospital's name is written with: Chinese characters, the middle dot, brackets. */
    private static final String NAME = "[\\p{IsHan}·()]{2,}";

    /**
     * The text less one character before its digits that is neither a digit nor a letter: the colon misread
     * (个人自费上176.43), or a Song face's ¥, which chi_sim does not know, read as a Chinese character (自付金额 至1227.68).
     */
    static String withoutColonMisread(String text) {
        return text.replaceFirst("^[^\\dA-Za-z](?=\\d)", "");
    }
}
