package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.huzhu.recognition.LabelFinder.Hit;

/**
 * The fee table: the rows between the header line (项目名称 … 金额(元)) and the 金额合计 line, each
 * holding one or more pairs of an item name and its amount. A row where a name has no amount, or
 * an amount no name, is not complete; such a table is not summed against the total.
 */
record FeeTable(List<FeeLine> lines, boolean complete) {

    private static final Set<ReceiptLabel> END = Set.of(ReceiptLabel.TOTAL_LINE, ReceiptLabel.TOTAL_IN_WORDS, ReceiptLabel.TOTAL);

    static FeeTable read(List<TextLine> lines, List<List<Hit>> hits) {
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            for (Hit h : hits.get(i)) if (h.label() == ReceiptLabel.ITEM_NAME) header = i;
        }
        if (header < 0) return new FeeTable(List.of(), false);
        int end = -1;
        for (int i = header + 1; i < lines.size() && end < 0; i++) {
            for (Hit h : hits.get(i)) if (END.contains(h.label())) end = i;
        }
        if (end < 0) return new FeeTable(List.of(), false);
        List<FeeLine> fees = new ArrayList<>();
        boolean complete = true;
        for (int i = header + 1; i < end; i++) complete &= row(lines.get(i), fees);
        return new FeeTable(List.copyOf(fees), complete && !fees.isEmpty());
    }

    /** Adds the pairs of one row; false when something in it could not be paired. */
    private static boolean row(TextLine line, List<FeeLine> fees) {
        String text = line.text();
        Matcher amount = FieldText.MONEY_IN_TEXT.matcher(FieldText.digitsFromLookAlikes(text));
        boolean complete = true;
        int previous = 0;
        while (amount.find()) {
            int from = previous;
            for (int i = previous + 1; i < amount.start(); i++) {
                if (line.gapBefore(i)) {
                    complete &= !hasWords(text.substring(from, i));
                    from = i;
                }
            }
            String name = cleanName(text.substring(from, amount.start()));
            if (hasWords(name)) {
                fees.add(new FeeLine(name, FieldText.money(amount.group())));
            } else {
                complete = false;
            }
            previous = amount.end();
        }
        return complete && !hasWords(text.substring(previous));
    }

    private static String cleanName(String text) {
        return FieldText.name(text).replaceAll("^[-—]+|[-—]+$", "");
    }

    private static boolean hasWords(String text) {
        return cleanName(text).codePoints().anyMatch(Character::isLetter);
    }
}
