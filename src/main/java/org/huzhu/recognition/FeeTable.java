package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.huzhu.recognition.LabelFinder.Hit;

/**
 * The fee table: the rows between the header line (项目名称 … 金额(元)) and the 金额合计 line, each
 * holding one or more pairs of an item name and its amount. A row where a name has no amount, or
 * an amount no name, is not complete; such a table is not summed against the total. Where the header
 * prints columns between the name and the amount (数量, 规格, 单位: 治疗费 12批 65.31, 床位费 普通病房 6 日
 * 450.00), what stands under them is no name: a row's text is given to the header's column nearest it, and
 * only what stands under 项目名称 or no such column names an item (read as the text before the amount, 12批
 * and 1次 were the items' names, and every row was left incomplete).
 */
record FeeTable(List<FeeLine> lines, boolean complete) {

    private static final Set<ReceiptLabel> END = Set.of(ReceiptLabel.TOTAL_LINE, ReceiptLabel.TOTAL_IN_WORDS, ReceiptLabel.TOTAL);

    static FeeTable read(List<TextLine> lines, List<List<Hit>> hits) {
        int[] rows = rows(lines, hits);
        if (rows == null) return new FeeTable(List.of(), false);
        int header = rows[0];
        int end = rows[1];
        List<FeeLine> fees = new ArrayList<>();
        List<Column> columns = columns(lines.get(header));
        boolean complete = true;
        for (int i = header + 1; i < end; i++) complete &= row(lines.get(i), columns, fees);
        return new FeeTable(List.copyOf(fees), complete && !fees.isEmpty());
    }

    /** The indexes of the table's header line and of its 金额合计 line; null when either was not read. */
    static int[] rows(List<TextLine> lines, List<List<Hit>> hits) {
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            for (Hit h : hits.get(i)) if (h.label() == ReceiptLabel.ITEM_NAME) header = i;
        }
        if (header < 0) return null;
        for (int i = header + 1; i < lines.size(); i++) {
            for (Hit h : hits.get(i)) if (END.contains(h.label())) return new int[] {header, i};
        }
        return null;
    }

    /** A column of the header: where its label stands, and whether what stands under it is an attribute of the item. */
    private record Column(double centre, boolean attribute) {
    }

    private static final List<String> NAME_COLUMNS = List.of("项目名称");
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("数量", "规格", "单位");

    /** The header's name and attribute columns; none when it prints no attribute column (or OCR misread them). */
    private static List<Column> columns(TextLine header) {
        List<Column> columns = new ArrayList<>();
        String text = header.text();
        for (List<String> labels : List.of(NAME_COLUMNS, ATTRIBUTE_COLUMNS)) {
            for (String label : labels) {
                for (int at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
                    columns.add(new Column((header.left(at) + header.right(at + label.length() - 1)) / 2, labels == ATTRIBUTE_COLUMNS));
                }
            }
        }
        return columns.stream().anyMatch(Column::attribute) ? columns : List.of();
    }

    /** Whether the text from {@code from} to {@code to} stands nearest an attribute column of the header. */
    private static boolean underAttribute(TextLine line, int from, int to, List<Column> columns) {
        if (columns.isEmpty() || to <= from) return false;
        double centre = (line.left(from) + line.right(to - 1)) / 2;
        Column nearest = columns.getFirst();
        for (Column c : columns) if (Math.abs(c.centre() - centre) < Math.abs(nearest.centre() - centre)) nearest = c;
        return nearest.attribute();
    }

    /** Adds the pairs of one row; false when something in it could not be paired. */
    private static boolean row(TextLine line, List<Column> columns, List<FeeLine> fees) {
        String text = line.text();
        Matcher amount = FieldText.MONEY_IN_TEXT.matcher(FieldText.digitsFromLookAlikes(text));
        boolean complete = true;
        int previous = 0;
        while (amount.find()) {
            // the text since the last amount, cut at wide gaps; what stands under an attribute column left out; the last
            // piece names the item, and an earlier one with words is a name whose amount was not read
            List<String> pieces = new ArrayList<>();
            int from = previous;
            for (int i = previous + 1; i <= amount.start(); i++) {
                if (i < amount.start() && !line.gapBefore(i)) continue;
                if (!underAttribute(line, from, i, columns)) pieces.add(text.substring(from, i));
                from = i;
            }
            for (int p = 0; p + 1 < pieces.size(); p++) complete &= !hasWords(pieces.get(p));
            String name = pieces.isEmpty() ? "" : cleanName(pieces.getLast());
            if (hasWords(name)) {
                fees.add(new FeeLine(name, FieldText.money(amount.group())));
            } else {
                complete = false;
            }
            previous = amount.end();
        }
        return complete && !hasWords(text.substring(previous));
    }

    /**
     * An item's name without the marks around it: dashes, and the quotes and bars a scan's grid rule and specks are read
     * as before a name (23.00|”诊察费).
     */
    private static String cleanName(String text) {
        return FieldText.name(text).replaceAll("^[-—|“”‘’\"']+|[-—|“”‘’\"']+$", "");
    }

    private static boolean hasWords(String text) {
        return cleanName(text).codePoints().anyMatch(Character::isLetter);
    }
}
