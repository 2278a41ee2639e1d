package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the labels on a line: exact spellings first, longest first (so {@code 交款人} is not found
 * inside {@code 交款人统一社会信用代码}), then, where nothing was found yet, near spellings: one
 * character misread, missing, extra or swapped with its neighbour for labels of four characters
 * or more, and one character misread for a three-character label that begins a line or follows a
 * wide gap. A near match that fits two labels equally (个人自付 / 个人自费) is ambiguous and left
 * unread, unless all but one of them are already found elsewhere on the page. A wording with brackets is also found
 * exactly without them ({@link ReceiptLabel#bareSpellings()}).
 *
 * <p>On an image parted into its form and its data, a label is printed in the form's ink: a near match never takes a
 * character read in the data's ink beside characters of the form's (交款陈志芳, the 人 of 交款人 lost under a seal, is
 * 交款 and the payer 陈志芳, not 交款人 with 人 misread and the payer 志芳), and a three-character label that lost one
 * character is found in its other two where they begin a line or segment in the form's ink and the data's ink follows.
 */
final class LabelFinder {

    /** A label found on a line: characters [start, end) of the line, {@code edits} 0 when exact. */
    record Hit(ReceiptLabel label, int start, int end, int edits, String spelling) {
        boolean overlaps(Hit other) {
            return start < other.end && other.start < end;
        }
    }

    private LabelFinder() {
    }

    /** The labels on a line read whole, left to right, none overlapping. */
    static List<Hit> find(String line) {
        TextBox.Ink[] inks = new TextBox.Ink[line.length()];
        Arrays.fill(inks, TextBox.Ink.EITHER);
        return find(line, new boolean[line.length()], inks, Set.of());
    }

    /**
     * The labels on a line, left to right, none overlapping.
     *
     * @param startsSegment which characters begin a line or follow a wide gap
     * @param inks the layer each character was read in
     * @param foundElsewhere labels already found unambiguously on the page
     */
    static List<Hit> find(String line, boolean[] startsSegment, TextBox.Ink[] inks, Set<ReceiptLabel> foundElsewhere) {
        List<Hit> candidates = new ArrayList<>();
        for (ReceiptLabel label : ReceiptLabel.values()) {
            for (List<String> spellings : List.of(label.spellings(), label.bareSpellings())) {
                for (String spelling : spellings) {
                    for (int at = line.indexOf(spelling); at >= 0; at = line.indexOf(spelling, at + 1)) {
                        candidates.add(new Hit(label, at, at + spelling.length(), 0, spelling));
                    }
                }
            }
        }
        for (ReceiptLabel label : ReceiptLabel.values()) {
            for (String spelling : label.spellings()) {
                if (spelling.length() >= 4) candidates.addAll(nearMatches(line, label, spelling));
                if (spelling.length() >= ENDLESS_LENGTH && label.isAmount()) candidates.addAll(endLost(line, label, spelling));
                if (spelling.length() == 3) {
                    candidates.addAll(shortNearMatches(line, startsSegment, label, spelling));
                    candidates.addAll(shortenedBeforeData(line, startsSegment, inks, label, spelling));
                }
            }
        }
        List<Hit> continued = continuedLonger(line, candidates);
        candidates.removeIf(hit -> continued.stream().anyMatch(longer -> longer.start() == hit.start() && hit.edits() == 0
                && longer.spelling().length() > hit.spelling().length() && longer.spelling().startsWith(hit.spelling())));
        candidates.addAll(continued);
        candidates.removeIf(hit -> hit.edits() > 0 && inksMixed(inks, hit));
        candidates.removeIf(hit -> ReceiptLabel.standsAlone(hit.spelling()) && !standsAlone(line, startsSegment, hit));
        candidates.sort(Comparator.comparingInt(Hit::edits)
                .thenComparing(Comparator.comparingInt((Hit h) -> h.end() - h.start()).reversed())
                .thenComparingInt(Hit::start));
        List<Hit> chosen = new ArrayList<>();
        for (Hit candidate : candidates) {
            if (chosen.stream().anyMatch(candidate::overlaps)) continue;
            if (candidate.edits() > 0 && ambiguous(candidate, candidates, foundElsewhere)) continue;
            chosen.add(candidate);
        }
        extendShortSpellings(line, chosen, candidates);
        chosen.sort(Comparator.comparingInt(Hit::start));
        return chosen;
    }

    /**
     * The labels of a page's lines without the near matches of a field's label that is also found exactly on the page: a
     * form prints a field's label once, and the exact one is that label (set 1's other forms: 其他基金支付 under the
     * seal read as 其人金支付, whose 人金支付 is a character from 现金支付; the 现金支付 further on the line then read
     * exactly, and its amount went to 其他支付's). Nor, where it is found only near, the near matches of a shorter
     * spelling than the longest matched: one character from six of 个人现金支付 is more surely that label than one from
     * four of 现金支付 (set 1's template as a fax, seed 8: 医保统筹基金支付 read as 区保统筹只人金支付, whose 人金支付
     * took 个人现金支什's place and gave 现金支付 the fund's amount). What the near match took is left unlabelled, for
     * the second looks.
     */
    static List<List<Hit>> withoutNearRepeats(List<List<Hit>> lines) {
        Set<ReceiptLabel> exact = EnumSet.noneOf(ReceiptLabel.class);
        lines.forEach(hits -> hits.stream().filter(h -> h.edits() == 0 && h.label().field() != null).forEach(h -> exact.add(h.label())));
        Map<ReceiptLabel, Integer> longest = new EnumMap<>(ReceiptLabel.class);
        lines.forEach(hits -> hits.stream().filter(h -> h.edits() > 0 && h.label().field() != null)
                .forEach(h -> longest.merge(h.label(), h.spelling().length(), Math::max)));
        return lines.stream().map(hits -> hits.stream().filter(h -> h.edits() == 0 || !exact.contains(h.label()))
                .filter(h -> h.edits() == 0 || h.spelling().length() >= longest.getOrDefault(h.label(), 0)).toList()).toList();
    }

    /**
     * The labels of a page's lines with a field's label read exactly by two spellings, one of which begins another label
     * (医疗机构 of 医疗机构类型) and one of which does not (医疗机构名称): a form prints a field's label once, and the
     * one that begins the other label is that label with its end lost (医疗机构类型 with 类型 under a seal, before
     * 综合医院, which would have been the hospital). It is taken as that other label, a near match.
     */
    static List<List<Hit>> withoutCutShortRepeats(List<List<Hit>> lines) {
        Map<ReceiptLabel, Set<String>> spelled = new EnumMap<>(ReceiptLabel.class);
        lines.forEach(hits -> hits.stream().filter(h -> h.edits() == 0 && h.label().field() != null)
                .forEach(h -> spelled.computeIfAbsent(h.label(), l -> new HashSet<>()).add(h.spelling())));
        return lines.stream().map(hits -> hits.stream().map(h -> {
            if (h.edits() != 0 || h.label().field() == null) return h;
            boolean whole = spelled.get(h.label()).stream().anyMatch(other -> beganBy(other, h.label()) == null);
            ReceiptLabel longer = beganBy(h.spelling(), h.label());
            return whole && longer != null ? new Hit(longer, h.start(), h.end(), 1, longer.spellings().stream()
                    .filter(l -> l.startsWith(h.spelling()) && l.length() > h.spelling().length()).findFirst().orElseThrow()) : h;
        }).toList()).toList();
    }

    /**
     * The labels of a page's lines with the payer's label 交款人 taken as the payer's credit code's, 交款人统一社会信用代码,
     * where a number of {@value #CODE_DIGITS} digits or more follows it with no name between (交款人汶一7会人二亿玛5420882199008013584
     * and 交款人人有:422801196102202349, the seal's ring over 统一社会信用代码): that line holds the payer's ID number, and
     * the payer's name is on the line of the payer's own label, read or not (交光人:由二)黄明 below it). Taken as the payer's,
     * the label put the payer's slot on the number's line, where the looks read the ring and the number. A name before the
     * number (交款人吴梅420882199510121265, a form printing both on one row) keeps the label the payer's.
     */
    static List<List<Hit>> withCreditCodeLabelsMisread(List<String> lines, List<List<Hit>> hits) {
        return eachMended(lines, hits, (line, hit, next) -> {
            boolean creditCode = hit.label() == ReceiptLabel.PAYER && hit.spelling().equals(PAYER_LABEL)
                    && numberWithoutName(line.substring(hit.end(), next));
            return creditCode ? new Hit(ReceiptLabel.PAYER_CREDIT_CODE, hit.start(), hit.end(), 1, CREDIT_CODE) : hit;
        });
    }

    /** How a label found on a line is mended, seeing the line and where the next label begins (or the line ends). */
    private interface Mending {
        Hit mended(String line, Hit hit, int next);
    }

    /** The labels of a page's lines, each mended so. */
    private static List<List<Hit>> eachMended(List<String> lines, List<List<Hit>> hits, Mending mending) {
        List<List<Hit>> mended = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            String line = lines.get(i);
            List<Hit> lineHits = hits.get(i);
            List<Hit> kept = new ArrayList<>();
            for (int k = 0; k < lineHits.size(); k++) {
                kept.add(mending.mended(line, lineHits.get(k), k + 1 < lineHits.size() ? lineHits.get(k + 1).start() : line.length()));
            }
            mended.add(kept);
        }
        return mended;
    }

    /**
     * The labels of a page's lines with a label found without the bracketed word its form prints after it (交款人 of
     * 交款人（患者）, 收款单位 of 收款单位（章）) taking that word's remains along, when an opening bracket follows it: the
     * bracket, at most as many Chinese characters as the word has, and the marks after them up to the next Chinese
     * character, letter or digit (交款人(时:,,,陈怡军, 交款人(所%):黄明, 交款人(患,:,刘梅秀; and 交款人(是守陈志芳, the
     * closing bracket lost with 患者 misread). A seal over the bracketed word makes it anything; taken as the value, it
     * made the payer 时陈怡牢 or (所%), and the looks at the value's slot read it again before the name. A near match.
     */
    static List<List<Hit>> withQualifierRemains(List<String> lines, List<List<Hit>> hits) {
        return eachMended(lines, hits, (line, hit, next) -> {
            String qualified = qualifiedSpelling(hit);
            int end = qualified == null || hit.end() >= next || line.charAt(hit.end()) != '(' ? hit.end()
                    : qualifierEnd(line, hit.end() + 1, next, qualified.length() - hit.spelling().length() - 2);
            return end == hit.end() ? hit : new Hit(hit.label(), hit.start(), end, Math.max(1, hit.edits()), qualified);
        });
    }

    /** The label's spelling that is the hit's with a bracketed word after it (交款人(患者) for 交款人), or null. */
    private static String qualifiedSpelling(Hit hit) {
        for (String spelling : hit.label().spellings()) {
            if (spelling.startsWith(hit.spelling() + "(") && spelling.endsWith(")")) return spelling;
        }
        return null;
    }

    /** Where the remains of a bracketed word of {@code characters} Chinese characters end, from just after its bracket. */
    private static int qualifierEnd(String line, int from, int limit, int characters) {
        int at = from;
        for (int taken = 0; at < limit && taken < characters && han(line.charAt(at)); taken++) at++;
        while (at < limit && !han(line.charAt(at)) && !Character.isLetterOrDigit(line.charAt(at))) at++;
        return at;
    }

    /** The payer's label as most forms print it, which the payer's credit code's label begins with. */
    private static final String PAYER_LABEL = "交款人";
    private static final String CREDIT_CODE = ReceiptLabel.PAYER_CREDIT_CODE.spellings().getFirst();
    /** The fewest digits in a row that make an ID number or a credit code (an ID number of the first generation had 15). */
    static final int CODE_DIGITS = 15;
    private static final Pattern NUMBER = Pattern.compile("\\d{" + CODE_DIGITS + ",}");
    private static final Pattern LAST_CHINESE = Pattern.compile("(\\p{IsHan}+)[^\\p{IsHan}]*$");

    /**
     * Whether a label's value holds a long number and the Chinese characters right before it make no name (two to four
     * beginning with a surname).
     */
    private static boolean numberWithoutName(String value) {
        Matcher number = NUMBER.matcher(value);
        if (!number.find()) return false;
        Matcher han = LAST_CHINESE.matcher(value.substring(0, number.start()));
        if (!han.find()) return true;
        return !Surnames.makeAName(han.group(1));
    }

    /**
     * The labels of a page's lines with the payer's label found in its remains where it was found nowhere on the page: two
     * or three characters ending in 人 (the others, 交款 misread, may be anything but a point: 3人)), beginning a line or
     * segment, none in the data's ink, a bracket or colon after them or not, and then a name — two to four Chinese
     * characters beginning with a surname, up to a wide gap, the next label, a digit or the line's end (3人)赵静 for 交款人（患者）, 入基人郝英强 for 交款人, the seal over
     * the label). Only above the line of the total, where a receipt prints its payer (收款人, 复核人 and 开票人 are below
     * it), and only where one line on the page has such remains: two are no telling which is the payer's. A match of two
     * edits, the least sure; the name is judged like any payer read.
     */
    static List<List<Hit>> withPayerRemnants(List<TextLine> lines, List<List<Hit>> hits) {
        int total = -1;
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).stream().anyMatch(h -> h.label() == ReceiptLabel.PAYER)) return hits;
            if (total < 0 && hits.get(i).stream().anyMatch(h -> h.label().field() == ReceiptField.TOTAL)) total = i;
        }
        int found = -1;
        Hit remnant = null;
        for (int i = 0; i < total; i++) {
            Hit hit = payerRemnant(lines.get(i), hits.get(i));
            if (hit == null) continue;
            if (remnant != null) return hits;
            found = i;
            remnant = hit;
        }
        if (remnant == null) return hits;
        List<List<Hit>> mended = new ArrayList<>(hits);
        List<Hit> line = new ArrayList<>(hits.get(found));
        line.add(remnant);
        line.sort(Comparator.comparingInt(Hit::start));
        mended.set(found, line);
        return mended;
    }

    private static final String AFTER_REMNANT = ":：)）";

    /**
     * Whether a name is how a label's spelling ends (信用代码 of 交款人统一社会信用代码): the label's own remains, not a
     * name, however its first character is a surname. The seal over the credit code's label left 一衬人信用代码 before
     * the number, and 衬人 was taken for the payer's label's remains and 信用代码 for the payer.
     */
    private static boolean endsALabel(String name) {
        for (ReceiptLabel label : ReceiptLabel.values()) {
            if (label.spellings().stream().anyMatch(spelling -> spelling.endsWith(name))) return true;
        }
        return false;
    }

    /** The payer label's remains on a line ({@link #withPayerRemnants}), or null. */
    private static Hit payerRemnant(TextLine line, List<Hit> hits) {
        String text = line.text();
        for (int at = 0; at < text.length(); at++) {
            if (at > 0 && !line.gapBefore(at)) continue;
            for (int length = 2; length <= 3 && at + length < text.length(); length++) {
                int end = at + length;
                if (text.charAt(end - 1) != '人' || text.substring(at, end).indexOf('.') >= 0) continue;
                boolean inData = false;
                for (int k = at; k < end; k++) inData |= line.ink(k) == TextBox.Ink.DATA;
                if (inData) continue;
                if (AFTER_REMNANT.indexOf(text.charAt(end)) >= 0) end++;
                int from = end;
                int to = from;
                while (to < text.length() && han(text.charAt(to)) && line.ink(to) != TextBox.Ink.FORM && (to == from || !line.gapBefore(to))
                        && !startsAHit(hits, to)) to++;
                int hitStart = at;
                int hitEnd = end;
                boolean free = hits.stream().noneMatch(h -> h.start() < hitEnd && hitStart < h.end());
                boolean ends = to == text.length() || line.gapBefore(to) || startsAHit(hits, to) || !han(text.charAt(to));
                String name = text.substring(from, to);
                if (free && ends && Surnames.makeAName(name) && !endsALabel(name)) return new Hit(ReceiptLabel.PAYER, at, end, 2, PAYER_LABEL);
            }
        }
        return null;
    }

    private static boolean startsAHit(List<Hit> hits, int at) {
        return hits.stream().anyMatch(h -> h.start() == at);
    }

    /** The other label one of whose spellings begins with {@code spelling} and is longer, or null. */
    private static ReceiptLabel beganBy(String spelling, ReceiptLabel label) {
        for (ReceiptLabel other : ReceiptLabel.values()) {
            if (other != label && other.spellings().stream().anyMatch(l -> l.startsWith(spelling) && l.length() > spelling.length())) return other;
        }
        return null;
    }

    /**
     * 收款单位(草): the short spelling 收款单位 was exact, but the long one, near, covers the rest of the label. So does the
     * long one without its closing bracket or colon (收款单位(章 before 天门市…), which OCR loses as junk.
     */
    private static void extendShortSpellings(String line, List<Hit> chosen, List<Hit> candidates) {
        for (int i = 0; i < chosen.size(); i++) {
            Hit hit = chosen.get(i);
            for (Hit longer : candidates) {
                if (longer.label() != hit.label() || longer.start() != hit.start() || longer.edits() > 1) continue;
                // a longer spelling of the label with one character misread, not the short one with a character added
                String spelling = longer.spelling();
                boolean misread = longer.end() - longer.start() == spelling.length();
                boolean closeLost = line.substring(longer.start(), longer.end()).equals(spelling.substring(0, spelling.length() - 1))
                        && !han(spelling.charAt(spelling.length() - 1));
                if (spelling.length() <= hit.spelling().length() || !misread && !closeLost) continue;
                boolean free = chosen.stream().noneMatch(other -> other != hit && other.overlaps(longer));
                if (free && longer.end() > chosen.get(i).end()) chosen.set(i, longer);
            }
        }
    }

    /** The least a longer label must add to a shorter one's spelling it begins with for {@link #continuedLonger} to look for it. */
    static final int CONTINUED_REST = 6;
    /** The most edits {@link #continuedLonger} allows in what the longer label adds, and fewer than half its characters. */
    static final int CONTINUED_EDITS = 3;

    /**
     * 交款人社会信用代人 for 交款人统一社会信用代码, 统一 lost under a seal and 码 misread: a label read exactly (交款人, the
     * payer's) that a longer label's spelling begins with (the payer's credit code's), followed by what that spelling adds
     * ({@value #CONTINUED_REST} characters or more) read with at most {@value #CONTINUED_EDITS} edits and fewer than half
     * of them, is the longer label: the exact short one is no label there, and its value would be the rest of the longer
     * label (社会信用代人 taken as the payer's name). No digit or point is taken into the label. The hit counts as one
     * edit, a near match anchored by the exact spelling it begins with, so that no shorter near match inside it wins.
     */
    private static List<Hit> continuedLonger(String line, List<Hit> candidates) {
        List<Hit> hits = new ArrayList<>();
        for (Hit shorter : candidates) {
            if (shorter.edits() != 0) continue;
            for (ReceiptLabel label : ReceiptLabel.values()) {
                if (label == shorter.label()) continue;
                for (String spelling : label.spellings()) {
                    if (!spelling.startsWith(shorter.spelling()) || spelling.length() - shorter.spelling().length() < CONTINUED_REST) continue;
                    String rest = spelling.substring(shorter.spelling().length());
                    Hit best = null;
                    int fewest = CONTINUED_EDITS;
                    for (int length = rest.length() - CONTINUED_EDITS; length <= rest.length() + 1; length++) {
                        if (shorter.end() + length > line.length()) break;
                        String window = line.substring(shorter.end(), shorter.end() + length);
                        if (holdsValueCharacters(window)) break;
                        int edits = HospitalList.distance(window, rest, CONTINUED_EDITS);
                        if (edits == 0) {
                            best = null; // the longer label read exactly: found so already
                            break;
                        }
                        if (edits > CONTINUED_EDITS || 2 * edits >= rest.length() || edits > fewest) continue;
                        fewest = edits;
                        best = new Hit(label, shorter.start(), shorter.end() + length, 1, spelling);
                    }
                    if (best != null) hits.add(best);
                }
            }
        }
        return hits;
    }

    /** No word runs into the hit on either side: 姓名 alone, not in 收款人姓名. */
    private static boolean standsAlone(String line, boolean[] startsSegment, Hit hit) {
        boolean before = hit.start() == 0 || startsSegment[hit.start()] || !Character.isLetter(line.charAt(hit.start() - 1));
        boolean after = hit.end() == line.length() || startsSegment[hit.end()] || !Character.isLetter(line.charAt(hit.end()));
        return before && after;
    }

    /** Another label fits the same characters just as well, and is not known to be elsewhere. */
    private static boolean ambiguous(Hit hit, List<Hit> candidates, Set<ReceiptLabel> foundElsewhere) {
        boolean rival = false;
        for (Hit other : candidates) {
            if (other.label() != hit.label() && other.edits() == hit.edits() && other.overlaps(hit)
                    && Math.abs(other.start() - hit.start()) <= 1 && Math.abs(other.end() - hit.end()) <= 1) {
                if (!foundElsewhere.contains(other.label())) return true;
                rival = true;
            }
        }
        return rival && foundElsewhere.contains(hit.label());
    }

    /** 交款三 for 交款人: a short label is taken with one character misread only where a line or segment begins. */
    private static List<Hit> shortNearMatches(String line, boolean[] startsSegment, ReceiptLabel label, String spelling) {
        List<Hit> hits = new ArrayList<>();
        for (int at = 0; at + 3 <= line.length(); at++) {
            if (at > 0 && !startsSegment[at]) continue;
            String window = line.substring(at, at + 3);
            if (holdsValueCharacters(window)) continue;
            int differences = 0;
            for (int i = 0; i < 3; i++) if (window.charAt(i) != spelling.charAt(i)) differences++;
            if (differences == 1) hits.add(new Hit(label, at, at + 3, 1, spelling));
        }
        return hits;
    }

    /**
     * 交款 before 陈志芳 for 交款人: two characters of a three-character label, in the form's ink, beginning a line or
     * segment, with the data's ink right after them or after the label's colon — the third lost under a seal or to faint
     * print (款人：崔雨梓, 交 under the seal's ring). Where the inks are not told apart (a page read whole, a form printed
     * in black), only before the colon: 交款陈志芳 could be 交款人 with 人 misread.
     */
    private static List<Hit> shortenedBeforeData(String line, boolean[] startsSegment, TextBox.Ink[] inks, ReceiptLabel label,
                                                 String spelling) {
        List<Hit> hits = new ArrayList<>();
        for (int at = 0; at + 2 < line.length(); at++) {
            if (at > 0 && !startsSegment[at]) continue;
            boolean colon = COLONS.indexOf(line.charAt(at + 2)) >= 0 && inks[at + 2] != TextBox.Ink.DATA;
            int data = at + 2 + (colon ? 1 : 0);
            if (data >= line.length()) continue;
            boolean formInk = inks[at] == TextBox.Ink.FORM && inks[at + 1] == TextBox.Ink.FORM && inks[data] == TextBox.Ink.DATA;
            boolean untold = colon && inks[at] == TextBox.Ink.EITHER && inks[at + 1] == TextBox.Ink.EITHER;
            if (!formInk && !untold) continue;
            String window = line.substring(at, at + 2);
            if (!holdsValueCharacters(window) && withinOneEdit(window, spelling)) hits.add(new Hit(label, at, at + 2, 1, spelling));
        }
        return hits;
    }

    private static final String COLONS = ":：";

    /** The hit's characters were read some in the form's ink, some in the data's. */
    private static boolean inksMixed(TextBox.Ink[] inks, Hit hit) {
        boolean form = false;
        boolean data = false;
        for (int i = hit.start(); i < hit.end(); i++) {
            form |= inks[i] == TextBox.Ink.FORM;
            data |= inks[i] == TextBox.Ink.DATA;
        }
        return form && data;
    }

    private static List<Hit> nearMatches(String line, ReceiptLabel label, String spelling) {
        List<Hit> hits = new ArrayList<>();
        int n = spelling.length();
        for (int length = n - 1; length <= n + 1; length++) {
            for (int at = 0; at + length <= line.length(); at++) {
                String window = line.substring(at, at + length);
                if (window.equals(spelling) || holdsValueCharacters(window)) continue;
                // the first and last characters anchor a near match: a label is not found in the middle of other text
                if (window.charAt(0) != spelling.charAt(0) && window.charAt(length - 1) != spelling.charAt(n - 1)) continue;
                // a label that ends in a bracket or colon does not end in a Chinese character: the bracket was lost, and
                // the character is the value's first (收款单位(章天门市… is 收款单位(章 and 天门市…, not 门市…)
                if (length >= n && han(window.charAt(length - 1)) && !han(spelling.charAt(n - 1))) continue;
                if (withinOneEdit(window, spelling)) hits.add(new Hit(label, at, at + length, 1, spelling));
            }
        }
        return hits;
    }

    /** The length from which an amount's label is found with its last two characters lost ({@link #endLost}). */
    static final int ENDLESS_LENGTH = 6;

    /**
     * 其他基金 right before 156.86 for 其他基金支付: an amount's label of six characters or more with its last two lost,
     * found only where the amount follows at once (a digit or the currency sign, ¥ or a Y OCR made of it), two edits
     * from the label. Set 1's settlement statements: 其他基金支付 read so, its amount left to no field.
     */
    private static List<Hit> endLost(String line, ReceiptLabel label, String spelling) {
        List<Hit> hits = new ArrayList<>();
        String kept = spelling.substring(0, spelling.length() - 2);
        for (int at = line.indexOf(kept); at >= 0; at = line.indexOf(kept, at + 1)) {
            int end = at + kept.length();
            if (end < line.length() && "0123456789¥￥Y".indexOf(line.charAt(end)) >= 0) hits.add(new Hit(label, at, end, 2, spelling));
        }
        return hits;
    }

    /** Whether a character is a Chinese one (the Han script). */
    static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /**
     * No label holds a digit or a point: a near match taking one (其他支660.93 read as 其他支付 and
     * 60.93) would cut it off the value beside it.
     */
    private static boolean holdsValueCharacters(String window) {
        for (int i = 0; i < window.length(); i++) {
            char c = window.charAt(i);
            if (c >= '0' && c <= '9' || c == '.') return true;
        }
        return false;
    }

    /** One character misread, missing or extra, or two neighbours swapped. */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) return false;
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) == b.charAt(i)) continue;
                if (++differences == 1) first = i;
            }
            if (differences <= 1) return true;
            // two neighbours swapped, as OCR reorders overlapping glyphs
            return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = a.length() < b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) i++;
        return shorter.substring(i).equals(longer.substring(i + 1));
    }
}
