package org.huzhu.recognition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the layout gave before any check: the text beside each label in the field's spelling, how
 * sure the reader was of it, which labels were seen at all, and the fee lines.
 *
 * @param labelled fields whose label was found, read or not
 * @param allLinesRead every row of the fee table gave a name and an amount
 * @param slots where the value of a labelled field stands on the page: right of its label up to
 *              the next one, or, its label unread, between the labels around it on its template line
 * @param unlabelled amounts and dates outside the fee table that no field took, no label having been read before them
 * @param seen the labels read exactly somewhere on the page, of fields or not (预缴金额, 交款人统一社会信用代码 …)
 */
record ReceiptReading(DocumentKind kind, Map<ReceiptField, Value> fields, Set<ReceiptField> labelled,
                      List<FeeLine> lines, boolean allLinesRead, List<String> warnings, Map<ReceiptField, Area> slots,
                      List<Unlabelled> unlabelled, Set<ReceiptLabel> seen) {

    ReceiptReading(DocumentKind kind, Map<ReceiptField, Value> fields, Set<ReceiptField> labelled,
                   List<FeeLine> lines, boolean allLinesRead, List<String> warnings) {
        this(kind, fields, labelled, lines, allLinesRead, warnings, Map.of(), List.of());
    }

    ReceiptReading(DocumentKind kind, Map<ReceiptField, Value> fields, Set<ReceiptField> labelled,
                   List<FeeLine> lines, boolean allLinesRead, List<String> warnings, Map<ReceiptField, Area> slots,
                   List<Unlabelled> unlabelled) {
        this(kind, fields, labelled, lines, allLinesRead, warnings, slots, unlabelled, Set.of());
    }

    /** The same reading with other values and warnings. */
    ReceiptReading with(Map<ReceiptField, Value> otherFields, List<String> otherWarnings) {
        return new ReceiptReading(kind, otherFields, labelled, lines, allLinesRead, otherWarnings, slots, unlabelled, seen);
    }

    /**
     * An amount, a date or an invoice's code or number (a run of digits as long as one) read where no label was, and the
     * box left of it, up to what was read before it, where its label would stand.
     */
    record Unlabelled(Value value, Sort sort, Area label) {
        Unlabelled(Value value, boolean date, Area label) {
            this(value, date ? Sort.DATE : Sort.AMOUNT, label);
        }

        boolean date() {
            return sort == Sort.DATE;
        }

        boolean amount() {
            return sort == Sort.AMOUNT;
        }

        /** Whether it is no field's value but a witness of the total's ({@link Sort#WORDS}, {@link Sort#FIGURES}). */
        boolean witness() {
            return sort == Sort.WORDS || sort == Sort.FIGURES;
        }
    }

    /**
     * What a value read without a label is, by its shape: an institution's name is a hospital's, perhaps; a person's name
     * (two to four Chinese characters, a usual surname first, standing alone) the payer's, perhaps. WORDS are the total
     * written in capitals after （大写）, read where its figures were not: no field's value, but a witness of the total's
     * ({@link AmountInWords}). FIGURES are the digits read after those words that make no amount (1282671: the sign read
     * as a 1, the point lost), no field's value either, but a witness of the total's digits.
     */
    enum Sort { AMOUNT, DATE, CODE, INSTITUTION, NAME, WORDS, FIGURES }

    /**
     * A value as read, and where: the box of the text it was read from, in the page's units (null
     * when not known).
     */
    record Value(String text, double confidence, Area area) {
        Value(String text, double confidence) {
            this(text, confidence, null);
        }
    }

    /** A box on the page, in the page's own units. */
    record Area(double x, double y, double width, double height) {
        boolean overlaps(Area other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }
    }
}
