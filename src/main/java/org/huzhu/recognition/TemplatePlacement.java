package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huzhu.recognition.LabelFinder.Hit;
import org.huzhu.recognition.PageReading.Span;
import org.huzhu.recognition.ReceiptReading.Value;

/**
 * Places values whose own labels were not read (the red ink under the seal, a faded print) by the
 * order of the template's lines: text between the labels that were read goes to the labels
 * missing there, in order, when it holds exactly as many values as labels are missing — amounts
 * counted by their two decimals (1730.010.00 is 1730.01 and 0.00), other values by the wide gaps
 * between them. A line without any label is taken for the template line between the lines above
 * and below it when exactly that one line is missing there, unless it holds text in the form's ink: labels of its own,
 * unread, which may name other fields (a form whose 其他支付 and 统筹基金支付 were read 交 and 医保基人支人 had its two amounts
 * placed as the template's 个人自付 and 个人自费). Anything that does not add up is left
 * alone, and so is a line whose labels stand in another order than the template's (a form that
 * prints the 其他信息 grid the other way round); placed values carry a little less confidence, and
 * the checks judge them like the rest. Amounts not read as amounts on a line so placed get their slots for the second
 * looks ({@link #slotsOfDigits}), never a value from the page's read.
 */
final class TemplatePlacement {

    private static final Pattern AMOUNT = Pattern.compile("\\d+\\.\\d{2}");
    private static final int UNLABELLED = -1;
    private static final int OUTSIDE = -2;
    private static final Set<ReceiptField> NAMES = EnumSet.of(ReceiptField.PAYER_NAME, ReceiptField.HOSPITAL);

    private TemplatePlacement() {
    }

    static void place(PageReading page, DocumentKind kind) {
        int[] rows = rowsOfLines(page);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] >= 0) placeInRow(page, i, TemplateRows.row(rows[i]), kind);
        }
    }

    /** Each line's template line: by its labels, or, unlabelled, by the lines around it. */
    private static int[] rowsOfLines(PageReading page) {
        int n = page.lines.size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            List<ReceiptLabel> labels = page.hits.get(i).stream().map(Hit::label).toList();
            rows[i] = labels.isEmpty() ? UNLABELLED : Math.max(OUTSIDE, TemplateRows.indexOf(labels));
        }
        int[] placed = rows.clone();
        for (int i = 0; i < n; i++) {
            // a line with text in the form's ink has labels of its own that were not read, which may name other fields
            if (rows[i] != UNLABELLED || page.lines.get(i).holdsFormInk()) continue;
            int above = i - 1;
            while (above >= 0 && rows[above] < 0) above--;
            int below = i + 1;
            while (below < n && rows[below] < 0) below++;
            if (above < 0 || below >= n || rows[below] - rows[above] != 2) continue;
            int unlabelled = 0;
            for (int k = above + 1; k < below; k++) if (rows[k] == UNLABELLED) unlabelled++;
            if (unlabelled == 1) placed[i] = rows[above] + 1;
        }
        return placed;
    }

    private static void placeInRow(PageReading page, int lineIndex, List<List<ReceiptLabel>> row, DocumentKind kind) {
        TextLine line = page.lines.get(lineIndex);
        List<Hit> lineHits = page.hits.get(lineIndex);
        if (!inTemplateOrder(lineHits, row)) return;
        int from = 0;
        int previousSlot = -1;
        for (int k = 0; k <= lineHits.size(); k++) {
            Hit previous = k > 0 ? lineHits.get(k - 1) : null;
            Hit next = k < lineHits.size() ? lineHits.get(k) : null;
            int to = next != null ? next.start() : line.length();
            int nextSlot = next != null ? TemplateRows.slotOf(row, next.label()) : row.size();
            List<ReceiptLabel> targets = new ArrayList<>();
            boolean missing = false;
            if (previous != null && page.wantsValue(previous.label())) {
                targets.add(previous.label());
            } else if (previous != null) {
                Span own = page.rightOf(lineIndex, k - 1);
                if (own != null) from = Math.max(from, own.to());
            }
            for (int slot = previousSlot + 1; slot < nextSlot; slot++) {
                List<ReceiptLabel> candidates = row.get(slot);
                if (lineHits.stream().anyMatch(h -> candidates.contains(h.label()))) continue;
                ReceiptLabel label = TemplateRows.choose(candidates, kind);
                if (label == null) {
                    targets = null;
                    break;
                }
                targets.add(label);
                missing = true;
            }
            if (targets != null && missing && from < to) {
                fill(page, lineIndex, from, to, targets);
                // one name not placed: between the labels around it is where it stands, for a second look
                if (targets.size() == 1 && targets.getFirst().field() != null && page.wantsValue(targets.getFirst())) {
                    page.slot(targets.getFirst().field(), lineIndex, from, next != null ? to : -1);
                }
            }
            previousSlot = Math.max(previousSlot, nextSlot);
            from = next != null ? next.end() : line.length();
        }
    }

    /** Whether the labels read keep the template's order: a form printing the line the other way round is not placed by it. */
    private static boolean inTemplateOrder(List<Hit> lineHits, List<List<ReceiptLabel>> row) {
        int previous = -1;
        for (Hit hit : lineHits) {
            int slot = TemplateRows.slotOf(row, hit.label());
            if (slot < previous) return false;
            previous = slot;
        }
        return true;
    }

    /**
     * Gives the text [from, to) to the target labels in order, if it holds exactly one value for each. Text read wholly in
     * the form's ink is no value: it is a label misread (开日其 for 开票日期 was placed as the payer where the name was not read).
     */
    private static void fill(PageReading page, int lineIndex, int from, int to, List<ReceiptLabel> targets) {
        boolean amounts = targets.stream().allMatch(ReceiptLabel::isAmount);
        List<Span> values = amounts
                ? amounts(page.lines.get(lineIndex), from, to)
                : page.segments(lineIndex, from, to).stream()
                        .filter(s -> !s.isLabel() && !s.inFormInk() && s.text().chars().anyMatch(Character::isLetterOrDigit))
                        .map(Span::afterColon).toList();
        if (values == null && amounts) slotsOfDigits(page, lineIndex, from, to, targets);
        if (values == null || values.size() != targets.size()) return;
        for (int i = 0; i < targets.size(); i++) {
            ReceiptLabel label = targets.get(i);
            if (label.field() == null && label != ReceiptLabel.STAY) continue;
            if (!page.wantsValue(label)) continue;
            // a name placed where its label was not read has only its shape to say it is a name: a check code is no payer
            // (set 2's 校验码 and 交款人 on two lines, where the template has 交款人 before 开票日期); other values are
            // spelled by their fields (票握乞号,42010126 is 42010126) and their forms judged by the checks
            if (NAMES.contains(label.field()) && !FieldShape.fits(label, values.get(i).text())) continue;
            // a code, a date or an amount is written in digits: text without one is another field's value whose label was
            // not read (a settlement statement's 女 after 姓名 陶杰秀, its 性别 lost, placed as the template's 开票日期)
            if (label.field() != null && !NAMES.contains(label.field()) && values.get(i).text().chars().noneMatch(Character::isDigit)) continue;
            page.accept(label, values.get(i), true);
            if (amounts) charactersBefore(page, lineIndex, label.field(), values.get(i), i > 0 ? values.get(i - 1).to() : from);
        }
    }

    /**
     * An amount placed right after two Chinese characters (立交2.92 for ¥272.92, its label 自费金额 lost under the seal and
     * the ring across the 7): they hold more than its sign, its first digits misread, as one character before an amount
     * read beside its label may ({@link PageReading#SIGN_AS_A_CHARACTER_TRUST}). It is read unsure, its slot from those
     * characters to its end, so that the second looks read it whole; the characters themselves are never taken for
     * digits. One character is the sign as chi_sim reads a thin Song face's ¥ (于130.68, placed right, whose looks read
     * the ¥ as 4: 4130.68); three or more are a label misread (基他支伟199.34), whose characters a look would read as digits.
     */
    private static void charactersBefore(PageReading page, int lineIndex, ReceiptField field, Span amount, int from) {
        Value read = page.fields.get(field);
        if (read == null) return;
        String text = page.lines.get(lineIndex).text();
        int start = amount.from();
        while (start > from && LabelFinder.han(text.charAt(start - 1))) start--;
        int characters = amount.from() - start;
        if (characters != SIGN_AND_DIGITS) return;
        page.fields.put(field, new Value(read.text(), Math.min(read.confidence(), PageReading.SIGN_AS_A_CHARACTER_TRUST), read.area()));
        page.slots.putIfAbsent(field, new Span(amount.line(), start, amount.to()).area());
    }

    /** How many Chinese characters right before a placed amount are its sign and first digits misread. */
    static final int SIGN_AND_DIGITS = 2;

    /**
     * Where the amounts of a line placed by the template stand when they were not read as amounts (个大目付。1106,自额:17g.43,
     * a thin Song face's 个人自付: 1106.62 自费金额: 176.43): as many runs between wide gaps holding digits as amounts are
     * missing, each target's slot from the colon before its run's first digit (or what the colon was read as) to the next
     * run, for the second looks to read again — a slot, never a value. From the colon, not from the first digit: what
     * stands between may be the amount's first digits misread (半丸2.92 for ¥272.92); a run with no colon before its
     * digits has no slot, its label's characters may run into them.
     */
    private static void slotsOfDigits(PageReading page, int lineIndex, int from, int to, List<ReceiptLabel> targets) {
        List<Span> runs = page.segments(lineIndex, from, to).stream()
                .filter(s -> !s.isLabel() && !s.inFormInk() && s.text().chars().anyMatch(Character::isDigit)).toList();
        if (runs.size() != targets.size()) return;
        for (int i = 0; i < runs.size(); i++) {
            ReceiptLabel label = targets.get(i);
            if (label.field() == null || !page.wantsValue(label)) continue;
            Span run = runs.get(i);
            String text = run.line().text();
            int digit = run.from();
            while (!Character.isDigit(text.charAt(digit))) digit++;
            int colon = digit - 1;
            while (colon >= run.from() && COLONS.indexOf(text.charAt(colon)) < 0) colon--;
            if (colon < run.from()) continue;
            int end = i + 1 < runs.size() ? runs.get(i + 1).from() : to < run.line().length() ? to : -1;
            page.slot(label.field(), lineIndex, colon + 1, end);
        }
    }

    /** A colon as a line spells it ({@link TextLine#fold}), and the marks a colon is read as before an amount. */
    private static final String COLONS = ":;。,、";

    /** The amounts written one after another in [from, to), or null when digits are left over. */
    private static List<Span> amounts(TextLine line, int from, int to) {
        String digits = FieldText.digitsFromLookAlikes(line.text());
        Matcher m = AMOUNT.matcher(digits).region(from, to);
        List<Span> amounts = new ArrayList<>();
        int end = from;
        while (m.find()) {
            if (hasDigit(digits, end, m.start())) return null;
            amounts.add(new Span(line, m.start(), m.end()));
            end = m.end();
        }
        return hasDigit(digits, end, to) ? null : amounts;
    }

    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isDigit(text.charAt(i))) return true;
        return false;
    }
}
