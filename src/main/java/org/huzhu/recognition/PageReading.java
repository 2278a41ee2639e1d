package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huzhu.recognition.LabelFinder.Hit;
import org.huzhu.recognition.ReceiptReading.Value;

/**
 * Reading one page: its lines with the labels found on each, and the fields read so far. A
 * value is the text right of its label up to the next label or a wide gap, or, when nothing is
 * right of it, the text just below it; it is put in its field's spelling here.
 */
final class PageReading {

    /** A value may stand this many line heights right of its label, no further. */
    private static final double MAX_LEAD = 4.0;
    /** A value in the next cell of a grid may stand this many line heights right of its label. */
    private static final double MAX_CELL = 30.0;
    /** A value placed by the template's order rather than beside its label is a little less sure. */
    static final double PLACED_TRUST = 0.9;

    final List<TextLine> lines;
    final List<List<Hit>> hits;
    final Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
    final Set<ReceiptField> labelled = EnumSet.noneOf(ReceiptField.class);
    final List<String> warnings = new ArrayList<>();
    final Map<ReceiptField, ReceiptReading.Area> slots = new EnumMap<>(ReceiptField.class);

    PageReading(List<TextLine> lines, List<List<Hit>> hits) {
        this.lines = lines;
        this.hits = hits;
    }

    /** Reads the value of every field label on the page, beside or below it. */
    void readBesideLabels() {
        for (int i = 0; i < lines.size(); i++) {
            for (int k = 0; k < hits.get(i).size(); k++) {
                ReceiptLabel label = hits.get(i).get(k).label();
                if (label == ReceiptLabel.STAY) {
                    labelled.add(ReceiptField.ADMISSION_DATE);
                    labelled.add(ReceiptField.DISCHARGE_DATE);
                } else if (label.field() != null) {
                    labelled.add(label.field());
                } else {
                    continue;
                }
                Span value = value(i, k);
                if (label.field() != null) {
                    int reach = value != null && value.line() == lines.get(i) ? value.to() : -1;
                    slot(label.field(), i, hits.get(i).get(k).end(), nextStart(i, k), reach);
                }
                if (!isRead(label)) accept(label, value, false);
            }
        }
    }

    private int nextStart(int lineIndex, int hitIndex) {
        List<Hit> lineHits = hits.get(lineIndex);
        return hitIndex + 1 < lineHits.size() ? lineHits.get(hitIndex + 1).start() : -1;
    }

    /**
     * Remembers where a field's value stands: right of character {@code from - 1} of a line (from
     * its start when 0) up to character {@code to} ({@code -1}, or past the line's end: at most
     * {@value #SLOT_LENGTH} line heights right).
     */
    void slot(ReceiptField field, int lineIndex, int from, int to) {
        slot(field, lineIndex, from, to, -1);
    }

    /**
     * As {@link #slot(ReceiptField, int, int, int)}, reaching at least half a line height past character {@code reach - 1}
     * when {@code reach > 0}: the value read beside the label, which a grid may print further right than
     * {@value #SLOT_LENGTH} line heights (a statement's 自付金额 cell, its amount at the cell's right end, was read
     * again cut off before its last digit).
     */
    void slot(ReceiptField field, int lineIndex, int from, int to, int reach) {
        TextLine line = lines.get(lineIndex);
        if (from < 0 || from > line.length() || line.length() == 0) return;
        double left = from == 0 ? line.left(0) : line.right(from - 1);
        double length = field == ReceiptField.HOSPITAL ? HOSPITAL_SLOT_LENGTH : SLOT_LENGTH;
        double right = to > 0 && to < line.length() ? line.left(to)
                : Math.max(left + length * line.height(), reach > 0 ? line.right(reach - 1) + 0.5 * line.height() : left);
        if (right - left < line.height()) return;
        slots.putIfAbsent(field, new ReceiptReading.Area(left, line.top(), right - left, line.bottom() - line.top()));
    }

    /** How far right of its label a value with nothing after it may reach, in line heights. */
    static final double SLOT_LENGTH = 12;

    /**
     * How far right of its label a hospital's name with nothing after it may reach, in line heights: a name of up to
     * seventeen characters, centred in a settlement statement's cell that spans three columns (定点医疗机构名称 then
     * 钟祥市人民医院 at the cell's middle, some fifteen line heights on: under the seal, not read by the page, it was
     * looked for where it is not).
     */
    static final double HOSPITAL_SLOT_LENGTH = 24;

    boolean isRead(ReceiptLabel label) {
        return fields.containsKey(label.firstField());
    }

    /** Whether a label's field is still to be read: not read, or (an amount) read as something that is not one. */
    boolean wantsValue(ReceiptLabel label) {
        if (label.field() == null && label != ReceiptLabel.STAY) return false;
        if (!isRead(label)) return true;
        return label.isAmount() && !FieldText.isMoney(fields.get(label.field()).text());
    }

    /**
     * Puts the text of a span in the spelling of the field the label names. Before digits, one
     * character where the colon belongs is the colon misread (个人自费上176.43); before the digits
     * of a value placed by the template, the words are its label misread (基他支伟199.34).
     */
    void accept(ReceiptLabel label, Span value, boolean placedByTemplate) {
        if (value == null) return;
        double confidence = value.confidence() * (placedByTemplate ? PLACED_TRUST : 1.0);
        if (label == ReceiptLabel.STAY) {
            List<String> dates = FieldText.dates(value.text());
            if (dates.size() == 2) {
                fields.put(ReceiptField.ADMISSION_DATE, new Value(dates.get(0), confidence, value.area()));
                fields.put(ReceiptField.DISCHARGE_DATE, new Value(dates.get(1), confidence, value.area()));
            } else {
                warnings.add("住院时间没有读出入院和出院两个日期，已舍弃");
            }
            return;
        }
        ReceiptField field = label.field();
        if (field == null) return;
        String read = value.text();
        if (field != ReceiptField.PAYER_NAME && field != ReceiptField.HOSPITAL) {
            // a Chinese character read for an amount's sign may hold its first digit too (硅33.20 for ¥133.20, the Song
            // face's ¥1 read as one character): the amount is read unsure, for the second looks to read it again
            if (!placedByTemplate && ReceiptChecks.AMOUNTS.contains(field) && SIGN_AS_A_CHARACTER.matcher(read).lookingAt()) {
                confidence = Math.min(confidence, SIGN_AS_A_CHARACTER_TRUST);
            }
            read = placedByTemplate ? read.replaceFirst("^[\\p{IsHan}\\p{P}~]+(?=\\d)", "") : FieldShape.withoutColonMisread(read);
        }
        String text = switch (field) {
            case INVOICE_CODE, INVOICE_NUMBER -> FieldText.code(read);
            case CHECK_CODE -> FieldText.checkCode(read);
            case ISSUE_DATE, ADMISSION_DATE, DISCHARGE_DATE, VISIT_DATE -> FieldText.date(read);
            case PAYER_NAME -> FieldText.payerName(read);
            case HOSPITAL -> FieldText.hospital(read);
            default -> FieldText.money(read);
        };
        // an amount that ends at a Chinese character (what follows is the next label's, FieldText.money) stands where its
        // own characters do, not where the rest of the span does
        ReceiptReading.Area area = ReceiptChecks.AMOUNTS.contains(field) ? value.toAmountsEnd().area() : value.area();
        if (!text.isEmpty()) fields.put(field, new Value(text, confidence, area));
    }

    /** An amount read after one Chinese character, which stands for its sign, and perhaps for its first digit too. */
    private static final Pattern SIGN_AS_A_CHARACTER = Pattern.compile("\\p{IsHan}\\d");

    /**
     * The confidence at most of an amount read after a Chinese character for its sign: below {@link SecondReads#UNSURE},
     * so that two looks at it, which read the ¥ as the ¥, say what the amount is. Set 1's other forms in the Song face
     * (right / missing / WRONG of 422): scans 327/85/10 → 331/84/7, photos 338/74/10 → 339/74/9; the rest unchanged.
     */
    static final double SIGN_AS_A_CHARACTER_TRUST = SecondReads.UNSURE / 2;

    /** When （小写） was not read, the amount at the end of the 金额合计 line is the total. */
    void totalBesideTheTotalLine() {
        if (fields.containsKey(ReceiptField.TOTAL)) return;
        for (int i = 0; i < lines.size(); i++) {
            for (Hit hit : hits.get(i)) {
                if (hit.label() != ReceiptLabel.TOTAL_LINE && hit.label() != ReceiptLabel.TOTAL_IN_WORDS) continue;
                TextLine line = lines.get(i);
                Matcher money = FieldText.MONEY_IN_TEXT.matcher(FieldText.digitsFromLookAlikes(line.text()));
                Span last = null;
                while (money.find()) if (money.start() >= hit.end()) last = new Span(line, money.start(), money.end());
                labelled.add(ReceiptField.TOTAL);
                if (last != null) {
                    fields.put(ReceiptField.TOTAL, new Value(FieldText.money(last.text()), last.confidence(), last.area()));
                    return;
                }
            }
        }
    }

    /**
     * The amounts, dates and codes (an invoice's code, number or check code: {@link #valueSpans}) outside the fee table
     * (the lines between {@code tableRows}, when given) that no field took, each with the box left of it where its label
     * would stand: from what was read before it on its line (a value, a label, or a word of its own before a wide gap:
     * {@link #afterAWordOfItsOwn}) or at most {@value #LABEL_ROOM} line heights left, as high as its line and a little
     * more. An amount or a code with a digit read between it and what was read before it is none (the digit may be its
     * own, cut off); a date is, its year whole in four digits (the grid's line read as 1 before it). Nor is one with a wide
     * gap inside. Amounts OCR ran together without a gap (1402.134057.54 for 1402.13 and 4057.54, their
     * label between them lost under a seal) are parted after each amount's two decimals.
     */
    List<ReceiptReading.Unlabelled> unlabelledValues(int[] tableRows) {
        List<ReceiptReading.Unlabelled> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (tableRows != null && i > tableRows[0] && i < tableRows[1]) continue;
            TextLine line = lines.get(i);
            String text = FieldText.digitsFromLookAlikes(line.text());
            int before = 0;
            for (ValueSpan candidate : valueSpans(line, text)) {
                Span span = candidate.span();
                int previous = Math.max(before, lastHitEnd(i, span.from()));
                before = span.to();
                ReceiptReading.Sort sort = candidate.sort();
                String value = switch (sort) {
                    case DATE -> FieldText.date(span.text());
                    case AMOUNT -> FieldText.money(span.text());
                    case CODE -> codeSpelled(span.text());
                    case INSTITUTION, NAME, WORDS, FIGURES -> span.text();
                };
                previous = afterAWordOfItsOwn(line, text, previous, span.from());
                // a digit read before it may be its own, cut off (关东9.30 for ¥479.30): not a value to place, unless it
                // stands past a wide gap before the value's sign
                boolean whole = sort == ReceiptReading.Sort.DATE || text.substring(previous, span.from()).chars().noneMatch(Character::isDigit)
                        || signedPastAGap(line, text, previous, span);
                for (int k = span.from() + 1; k < span.to(); k++) whole &= !line.gapBefore(k);
                if (!whole || taken(span, value)) continue;
                double right = line.left(span.from());
                double left = Math.max(right - LABEL_ROOM * line.height(), previous == 0 ? 0 : line.right(previous - 1));
                if (right - left < 2 * line.height()) continue;
                double margin = LABEL_MARGIN * line.height();
                found.add(new ReceiptReading.Unlabelled(new Value(value, span.confidence(), span.area()), sort,
                        new ReceiptReading.Area(left, line.top() - margin, right - left, line.bottom() - line.top() + 2 * margin)));
            }
        }
        if (!fields.containsKey(ReceiptField.HOSPITAL) && !labelled.contains(ReceiptField.HOSPITAL)) found.addAll(institutions());
        if (!fields.containsKey(ReceiptField.PAYER_NAME) && !labelled.contains(ReceiptField.PAYER_NAME)) found.addAll(names());
        if (!fields.containsKey(ReceiptField.TOTAL) || !FieldText.isMoney(fields.get(ReceiptField.TOTAL).text())) found.addAll(totalInWords());
        return found;
    }

    /**
     * The total written in capitals, where its figures were not read (the seal over （小写）) or were read as no amount (a
     * photo's ¥623432 for 6245.32, its point lost and a digit misread): the Chinese characters after
     * the label of the words (金额合计（大写）, or 合计 as read when its brackets were lost), misread ones too (参什业佰伍拾过元
     * 肆角陆分), up to the last before any figure, bracket or the next label. Its area is the words'.
     */
    private List<ReceiptReading.Unlabelled> totalInWords() {
        List<ReceiptReading.Unlabelled> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Hit> lineHits = hits.get(i);
            for (int k = 0; k < lineHits.size(); k++) {
                Hit hit = lineHits.get(k);
                if (hit.label() != ReceiptLabel.TOTAL_IN_WORDS && hit.label() != ReceiptLabel.TOTAL_LINE) continue;
                TextLine line = lines.get(i);
                String text = line.text();
                int end = k + 1 < lineHits.size() ? lineHits.get(k + 1).start() : text.length();
                int from = hit.end();
                // after 合计, the brackets' 大写 when they were read apart from it; then the words, misread characters and all
                if (text.startsWith("大写", from + (from < end && text.charAt(from) == '(' ? 1 : 0))) from = text.indexOf("大写", from) + 2;
                while (from < end && !Character.isIdeographic(text.charAt(from))) from++;
                int to = from;
                for (int c = from; c < end && !Character.isDigit(text.charAt(c)) && text.charAt(c) != '('; c++) {
                    if (Character.isIdeographic(text.charAt(c))) to = c + 1;
                }
                if (to - from < WORDS_AT_LEAST) continue;
                Span words = new Span(line, from, to);
                found.add(new ReceiptReading.Unlabelled(new Value(words.text(), words.confidence(), words.area()), ReceiptReading.Sort.WORDS,
                        words.area()));
                Matcher figures = FIGURES.matcher(text);
                if (figures.find(to) && !AMOUNTS.matcher(figures.group()).find()) {
                    Span read = new Span(line, figures.start(), figures.end());
                    found.add(new ReceiptReading.Unlabelled(new Value(read.text(), read.confidence(), read.area()), ReceiptReading.Sort.FIGURES,
                            read.area()));
                }
            }
        }
        return found;
    }

    /** The fewest characters words of an amount are read as (壹元整 is three). */
    private static final int WORDS_AT_LEAST = 3;

    /**
     * The figures after the words, digits and points (four digits at least), where the page's read finds no amount in them
     * ({@link #AMOUNTS}): 1282671 for ¥2826.71.
     */
    private static final Pattern FIGURES = Pattern.compile("\\d[\\d.]{3,}");

    /**
     * What reads as a person's name where no label named one (交款人 lost under a seal of the form's own red, its name
     * printed clear of it in the data's ink): each run of two to four Chinese characters (or more with a middle dot, 麦克·李)
     * beginning with a usual surname ({@link Surnames}), standing alone — a wide gap, a label read, the other ink or no
     * Chinese character either side of it — and in the data's ink where the page has two, with the box left of it where
     * its label would stand, as an amount's ({@link #unlabelledValues}). Whose name it is a look at that box must say
     * ({@link SecondReads}).
     */
    private List<ReceiptReading.Unlabelled> names() {
        List<ReceiptReading.Unlabelled> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            String text = line.text();
            int from = 0;
            while (from < text.length()) {
                if (!nameCharacter(text, from) || inAHit(i, from)) {
                    from++;
                    continue;
                }
                int to = from + 1;
                while (to < text.length() && nameCharacter(text, to) && !inAHit(i, to) && !line.gapBefore(to) && line.ink(to) == line.ink(from)) to++;
                Span span = new Span(line, from, to);
                String name = text.substring(from, to);
                boolean dotted = name.indexOf('·') > 0 && name.indexOf('·') < name.length() - 1;
                int length = name.codePointCount(0, name.length());
                if ((dotted || length >= 2 && length <= 4) && Surnames.begins(name) && !span.inFormInk()) {
                    double right = line.left(from);
                    double left = Math.max(right - LABEL_ROOM * line.height(), from == 0 ? 0 : line.right(from - 1));
                    double margin = LABEL_MARGIN * line.height();
                    if (right - left >= 2 * line.height()) {
                        found.add(new ReceiptReading.Unlabelled(new Value(name, span.confidence(), span.area()), ReceiptReading.Sort.NAME,
                                new ReceiptReading.Area(left, line.top() - margin, right - left, line.bottom() - line.top() + 2 * margin)));
                    }
                }
                from = to;
            }
        }
        return found;
    }

    private static boolean nameCharacter(String text, int index) {
        char c = text.charAt(index);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c == '·';
    }

    /** Whether a label was read over this character of the line. */
    private boolean inAHit(int lineIndex, int index) {
        for (Hit h : hits.get(lineIndex)) if (h.start() <= index && index < h.end()) return true;
        return false;
    }

    /**
     * What reads as an institution's name where no label named it (收款单位（章） lost: 大冶市人民医院段杰琪, the hospital
     * and the cashier after it): each run of Chinese characters ending as a hospital's name does, in the data's ink, no
     * label read within it. The list of hospitals says whether it names one ({@link SecondReads#listedInstitution}).
     */
    private List<ReceiptReading.Unlabelled> institutions() {
        List<ReceiptReading.Unlabelled> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            Matcher m = INSTITUTION.matcher(line.text());
            while (m.find()) {
                Span span = new Span(line, m.start(), m.end());
                if (lastHitEnd(i, m.end()) > m.start() || span.inFormInk()) continue;
                ReceiptReading.Area area = span.area();
                found.add(new ReceiptReading.Unlabelled(new Value(span.text(), span.confidence(), area), ReceiptReading.Sort.INSTITUTION, area));
            }
        }
        return found;
    }

    /** A run of Chinese characters ending as an institution's name does. */
    private static final Pattern INSTITUTION = Pattern.compile("[\\p{IsHan}()]{2,}?(?:医院|卫生院|诊所|卫生服务中心|卫生室|保健院|门诊部)");

    /**
     * The amounts, dates and codes of a line ({@code text}: its text with look-alikes as digits), left to right, none
     * overlapping. A code is a run of letters and digits between wide gaps with the shape of an invoice's code, number or
     * check code ({@link ReceiptChecks#codeFieldOfShape}): 42080125 and 0044468893 read as one line of digits, the labels
     * before them lost, are two; so is an ID number and the check code after it, 校验码 lost between them. Such a run of
     * eight digits that is a day (20260212, {@link ReceiptChecks#compactDate}) is a date.
     */
    private static List<ValueSpan> valueSpans(TextLine line, String text) {
        List<ValueSpan> spans = new ArrayList<>();
        Matcher run = AMOUNTS.matcher(text);
        while (run.find()) {
            Matcher amount = AMOUNT.matcher(text).region(run.start(), run.end());
            while (amount.find()) spans.add(new ValueSpan(new Span(line, amount.start(), amount.end()), ReceiptReading.Sort.AMOUNT));
        }
        Matcher date = FieldText.DATE.matcher(text);
        while (date.find()) addUnlessOverlapping(spans, new ValueSpan(new Span(line, date.start(), date.end()), ReceiptReading.Sort.DATE));
        Matcher codes = CODE_RUN.matcher(text);
        while (codes.find()) {
            int from = codes.start();
            for (int k = from + 1; k <= codes.end(); k++) {
                if (k < codes.end() && !line.gapBefore(k)) continue;
                String code = codeSpelled(text.substring(from, k));
                if (ReceiptChecks.compactDate(code)) {
                    addUnlessOverlapping(spans, new ValueSpan(new Span(line, from, k), ReceiptReading.Sort.DATE));
                } else if (ReceiptChecks.codeFieldOfShape(code) != null) {
                    addUnlessOverlapping(spans, new ValueSpan(new Span(line, from, k), ReceiptReading.Sort.CODE));
                }
                from = k;
            }
        }
        spans.sort(Comparator.comparingInt(s -> s.span().from()));
        return spans;
    }

    private static void addUnlessOverlapping(List<ValueSpan> spans, ValueSpan added) {
        Span span = added.span();
        if (spans.stream().noneMatch(s -> s.span().from() < span.to() && span.from() < s.span().to())) spans.add(added);
    }

    /** A run of letters and digits, no point or comma beside it. */
    private static final Pattern CODE_RUN = Pattern.compile("(?<![0-9A-Za-z.,])[0-9A-Za-z]+(?![0-9A-Za-z.,])");

    /** A code as its field spells it: digits alone as the invoice's code or number, with letters as a check code. */
    private static String codeSpelled(String text) {
        String digits = FieldText.code(text);
        return digits.chars().allMatch(Character::isDigit) ? digits : FieldText.checkCode(text);
    }

    private record ValueSpan(Span span, ReceiptReading.Sort sort) {
    }

    /**
     * Whether a value read with digits before it (between {@code previous} and it) has one character of its own before it
     * past the last wide gap — its sign, ¥ read as any character (1当130.68: 个人自费 under the seal read as 1, 当 for
     * ¥) — and is read with some confidence ({@link SecondReads#UNSURE}): the digits before the gap are another's. Not a
     * value with nothing between the gap and it (a stray 7 or 5 before 9.30 or 8.12 may be its own digit, the gap a
     * stroke the seal took), nor one read unsure (蔡49.30 for ¥479.30, at 0: the sign read with a digit).
     */
    private static boolean signedPastAGap(TextLine line, String text, int previous, Span value) {
        int gap = previous;
        for (int k = previous + 1; k < value.from(); k++) if (line.gapBefore(k)) gap = k;
        String sign = text.substring(gap, value.from()).strip();
        return gap > previous && sign.codePointCount(0, sign.length()) == 1 && value.confidence() >= SecondReads.UNSURE;
    }

    /** The fewest letters and digits that, ending at a wide gap before a value, are a value of their own, not its digits cut off. */
    static final int OWN_WORD = 4;

    /**
     * Where what was read before a value at {@code at} ends: at the last wide gap after {@code previous} that ends a run of
     * {@value #OWN_WORD} or more letters and digits — an ID number before a check code, a 住院号 (ZY2025702851) before
     * the admission date, the labels between them lost — else at {@code previous}.
     */
    private static int afterAWordOfItsOwn(TextLine line, String text, int previous, int at) {
        for (int k = at; k > previous; k--) {
            if (!line.gapBefore(k)) continue;
            int start = k;
            while (start > previous && asciiLetterOrDigit(text.charAt(start - 1))) start--;
            if (k - start >= OWN_WORD) return k;
        }
        return previous;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** How far left of a value its label may begin, in line heights: the longest label, a colon and the gap after it. */
    static final double LABEL_ROOM = 12;

    /** A label's characters stand taller than the digits of its line: the box is as much higher above and below, in line heights. */
    static final double LABEL_MARGIN = 0.25;

    /**
     * Runs of amounts, one or several written together; each amount in a run. A point after the last, no digit after it,
     * is a speck (a grey scan's Y#13287.93. before the seal's ring): that run was no amount, and its digits then counted as
     * read between the next amount on the line and its label, so that amount was placed nowhere. A comma before a run is
     * a separator of its thousands only after a digit: after a label's remnant (a grey scan's 洒,385.57 of 个人自付's star)
     * it is a speck, and the amount after it is one.
     */
    private static final Pattern AMOUNTS = Pattern.compile("(?<![\\d.]|\\d,)(?:\\d[\\d,]*?\\.\\d{2})+(?![\\d,]|\\.\\d)");
    private static final Pattern AMOUNT = Pattern.compile("\\d[\\d,]*?\\.\\d{2}");

    private int lastHitEnd(int lineIndex, int before) {
        int end = 0;
        for (Hit h : hits.get(lineIndex)) if (h.end() <= before) end = Math.max(end, h.end());
        return end;
    }

    /** Whether a field's value was read from these characters. */
    private boolean taken(Span amount, String value) {
        ReceiptReading.Area area = amount.area();
        return fields.values().stream().anyMatch(v -> v.area() != null && v.text().equals(value) && v.area().overlaps(area));
    }

    /**
     * The text right of a label up to the next label or a wide gap; else, in a grid whose label
     * cells carry no colon, the next cell right of it when the text there has the field's shape;
     * else the text just below it. Text read wholly in the form's ink is none of these: values are printed in the data's
     * ink, and such text is a label not recognised (患者姓名 with its colon lost, then 开日其 — 开票日期 misread — in the next
     * cell, where the name was not read); text in the form's ink before the data's is left out ({@link #inDataInk}).
     */
    Span value(int lineIndex, int hitIndex) {
        ReceiptField field = hits.get(lineIndex).get(hitIndex).label().field();
        boolean named = field == ReceiptField.PAYER_NAME || field == ReceiptField.HOSPITAL;
        Span right = inDataInk(rightOf(lineIndex, hitIndex), named);
        if (right != null) return right;
        Span cell = inDataInk(nextCell(lineIndex, hitIndex), named);
        return cell != null ? cell : inDataInk(below(lineIndex, hitIndex), named);
    }

    /**
     * The span from its first character read in the data's ink: what stands before it in the form's ink is the seal's
     * words or a label's remains (交款人出章钱琴娟, 出章 of the seal's 专用章 between the payer's label and the name). The
     * end is kept: a form may print a value's last characters itself (the 日 of a date). Only a name's is cut so (the
     * payer's, the hospital's): other values are read from their characters, not all of the span, and the looks at them
     * read the span's box, which a cut narrows (set 1's photographs: (半9558.93 cut to 9558.93, its look read 9558.92). A
     * digit or a Latin letter in the form's ink is kept, and all after it.
     */
    private static Span inDataInk(Span span, boolean named) {
        if (span == null || span.inFormInk()) return null;
        if (!named) return span;
        int from = span.from();
        while (span.line().ink(from) == TextBox.Ink.FORM && !asciiLetterOrDigit(span.line().text().charAt(from))) from++;
        return from == span.from() ? span : new Span(span.line(), from, span.to(), span.isLabel());
    }

    /** The next cell right of a label without a colon, up to the next label, if its text fits the label's field. */
    private Span nextCell(int lineIndex, int hitIndex) {
        TextLine line = lines.get(lineIndex);
        List<Hit> lineHits = hits.get(lineIndex);
        Hit hit = lineHits.get(hitIndex);
        int from = hit.end();
        if (from >= line.length() || isColon(line.text().charAt(from))) return null;
        int limit = hitIndex + 1 < lineHits.size() ? lineHits.get(hitIndex + 1).start() : line.length();
        if (from >= limit || line.left(from) - line.right(from - 1) > MAX_CELL * line.height()) return null;
        Span cell = upToAGap(line, from, limit);
        if (FieldShape.fits(hit.label(), cell.text())) return cell;
        // a lone character before the cell's text is a glyph of a stamp's ring across the grid (定点医疗机构名称 人
        // 京山市中医医院: the ring's 京 read as 人), passed over when what follows it fits the field
        if (cell.to() - from != 1 || cell.to() >= limit) return null;
        Span after = upToAGap(line, cell.to(), limit);
        return FieldShape.fits(hit.label(), after.text()) ? after : null;
    }

    /** The characters of a line from {@code from} up to the next wide gap, or to {@code limit}. */
    private static Span upToAGap(TextLine line, int from, int limit) {
        int to = from + 1;
        while (to < limit && !line.gapBefore(to)) to++;
        return new Span(line, from, to);
    }

    Span rightOf(int lineIndex, int hitIndex) {
        TextLine line = lines.get(lineIndex);
        List<Hit> lineHits = hits.get(lineIndex);
        Hit hit = lineHits.get(hitIndex);
        String text = line.text();
        int limit = hitIndex + 1 < lineHits.size() ? lineHits.get(hitIndex + 1).start() : text.length();
        int end = labelRemains(line, hit.end(), limit);
        int from = end;
        while (from < text.length() && isColon(text.charAt(from))) from++;
        if (from >= limit) return null;
        double lead = line.left(from) - line.right(end - 1);
        if (lead <= MAX_LEAD * line.height()) return upToAGap(line, from, limit);
        if (lead > MAX_CELL * line.height() || lineHits.size() > 1) return null;
        // a value printed in a column of values, which a short label's colon stands far from (交款人： under
        // 交款人统一社会信用代码：): taken only on a line of that one label, and when it has the field's shape and is no
        // label of its own; where a line holds other labels, what stands far from one may be the value of another not
        // read (统筹基金支付：, its amount lost, then 0.00 of 其他支付 whose label was lost too)
        Span far = upToAGap(line, from, limit);
        return FieldShape.fits(hit.label(), far.text()) && far.text().chars().noneMatch(c -> isColon((char) c)) ? far : null;
    }

    /**
     * Where a label read in the form's ink ends: after the rest of it read as no label, in the form's ink right after it
     * up to a wide gap with the data's ink after it (交款人出章, then 钱琴娟: the thin Song face's （患者）： misread). Values are printed
     * in the data's ink, so that text is the label's, and the value is what follows the gap. Elsewhere the label ends where
     * it was found.
     */
    private static int labelRemains(TextLine line, int end, int limit) {
        int at = end;
        while (at < limit && line.ink(at) == TextBox.Ink.FORM && !line.gapBefore(at)) at++;
        return at > end && at < limit && line.gapBefore(at) && line.ink(at) == TextBox.Ink.DATA ? at : end;
    }

    private Span below(int lineIndex, int hitIndex) {
        TextLine line = lines.get(lineIndex);
        Hit hit = hits.get(lineIndex).get(hitIndex);
        int next = lineIndex + 1;
        if (next >= lines.size()) return null;
        TextLine under = lines.get(next);
        if (under.top() - line.bottom() > 1.5 * Math.max(line.height(), under.height())) return null;
        double slack = 0.5 * line.height();
        double left = line.left(hit.start()) - slack;
        double right = line.right(hit.end() - 1) + slack;
        for (Span segment : segments(next, 0, under.length())) {
            if (under.right(segment.to() - 1) < left || under.left(segment.from()) > right) continue;
            return segment.isLabel() ? null : segment;
        }
        return null;
    }

    /** Characters [from, to) of a line cut at wide gaps and around its labels. */
    List<Span> segments(int lineIndex, int from, int to) {
        TextLine line = lines.get(lineIndex);
        List<Hit> lineHits = hits.get(lineIndex);
        List<Span> segments = new ArrayList<>();
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            boolean cut = i == to || line.gapBefore(i);
            for (Hit h : lineHits) cut |= h.start() == i || h.end() == i;
            if (cut && i > start) {
                boolean label = false;
                for (Hit h : lineHits) label |= h.start() == start;
                segments.add(new Span(line, start, i, label));
                start = i;
            }
        }
        return segments;
    }

    static boolean isColon(char c) {
        return c == ':' || c == ';';
    }

    /** Characters [from, to) of a line. */
    record Span(TextLine line, int from, int to, boolean isLabel) {
        Span(TextLine line, int from, int to) {
            this(line, from, to, false);
        }

        String text() {
            return line.text().substring(from, to);
        }

        double confidence() {
            return line.confidence(from, to);
        }

        /** Every character was read in the form's layer of an image parted into form and data. */
        boolean inFormInk() {
            for (int i = from; i < to; i++) if (line.ink(i) != TextBox.Ink.FORM) return false;
            return to > from;
        }

        /** Where the characters stand on the page. */
        ReceiptReading.Area area() {
            double left = line.left(from);
            return new ReceiptReading.Area(left, line.top(), line.right(to - 1) - left, line.bottom() - line.top());
        }

        /** The span up to the end of its first amount's two decimals when a Chinese character follows them; else itself. */
        Span toAmountsEnd() {
            Matcher m = FieldText.AMOUNT_BEFORE_HAN.matcher(text());
            return m.find() ? new Span(line, from, from + m.end(), isLabel) : this;
        }

        /** What follows the last colon: the text before it was a label, unreadable. */
        Span afterColon() {
            String text = text();
            int colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf(';'));
            if (colon < 0 || colon == text.length() - 1) return this;
            return new Span(line, from + colon + 1, to);
        }
    }
}
