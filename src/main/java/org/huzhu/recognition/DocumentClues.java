package org.huzhu.recognition;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huzhu.recognition.LabelFinder.Hit;

/**
 * What kind of receipt a page is, from every clue it shows, each weighed: its title in any
 * wording (医疗住院收费票据, 住院收费票据, 医保结算单 …; one character may be misread in the longer
 * ones), and the labels printed on it, as {@link LabelFinder} found them (住院时间, 入院日期 or
 * 住院号 say a stay; 门诊日期 or 门诊号 a visit; 结算日期 or 医疗费用总额 a settlement, 票据代码 a
 * receipt rather than a settlement). A title outweighs any labels. The kind with the highest
 * score wins; nothing scored, or two kinds scored alike, and the page stays UNKNOWN.
 */
final class DocumentClues {

    /** A title word: on any line, it says {@code kind} with {@code weight}. */
    record Title(String words, DocumentKind kind, int weight) {
    }

    /** A label spelling found on the page: it says {@code kind} with {@code weight} (below zero: it says the page is not one). */
    record Label(String spelling, DocumentKind kind, int weight) {
    }

    private static final int TITLE = 20;
    private static final int STRONG = 3;
    private static final int WEAK = 2;

    static final List<Title> TITLES = List.of(
            new Title("医疗住院收费票据", DocumentKind.INPATIENT_RECEIPT, TITLE + 1),
            new Title("住院收费票据", DocumentKind.INPATIENT_RECEIPT, TITLE + 1),
            new Title("医疗门诊收费票据", DocumentKind.OUTPATIENT_RECEIPT, TITLE + 1),
            new Title("门诊收费票据", DocumentKind.OUTPATIENT_RECEIPT, TITLE + 1),
            new Title("结算单", DocumentKind.SETTLEMENT_STATEMENT, TITLE),
            new Title("结算清单", DocumentKind.SETTLEMENT_STATEMENT, TITLE));

    static final List<Label> LABELS = List.of(
            new Label("住院时间", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("住院日期", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("住院期间", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("入院日期", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("入院时间", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("出院日期", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("出院时间", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("住院号", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("住院天数", DocumentKind.INPATIENT_RECEIPT, STRONG),
            new Label("住院科室", DocumentKind.INPATIENT_RECEIPT, WEAK),
            new Label("门诊日期", DocumentKind.OUTPATIENT_RECEIPT, STRONG),
            new Label("就诊日期", DocumentKind.OUTPATIENT_RECEIPT, STRONG),
            new Label("就诊时间", DocumentKind.OUTPATIENT_RECEIPT, STRONG),
            new Label("门诊号", DocumentKind.OUTPATIENT_RECEIPT, STRONG),
            new Label("就诊科室", DocumentKind.OUTPATIENT_RECEIPT, WEAK),
            new Label("结算日期", DocumentKind.SETTLEMENT_STATEMENT, STRONG + 1),
            new Label("医疗费用总额", DocumentKind.SETTLEMENT_STATEMENT, STRONG + 1),
            new Label("医疗费总额", DocumentKind.SETTLEMENT_STATEMENT, STRONG + 1),
            new Label("参保人姓名", DocumentKind.SETTLEMENT_STATEMENT, WEAK),
            new Label("定点医疗机构", DocumentKind.SETTLEMENT_STATEMENT, WEAK),
            new Label("定点医疗机构名称", DocumentKind.SETTLEMENT_STATEMENT, WEAK),
            new Label("票据代码", DocumentKind.SETTLEMENT_STATEMENT, -STRONG),
            new Label("票据号码", DocumentKind.SETTLEMENT_STATEMENT, -STRONG));

    private DocumentClues() {
    }

    /** The kind the clues on a page weigh most for, or UNKNOWN. */
    static DocumentKind kind(List<TextLine> lines, List<List<Hit>> hits) {
        Map<DocumentKind, Integer> scores = new EnumMap<>(DocumentKind.class);
        for (Title title : TITLES) {
            if (lines.stream().anyMatch(line -> contains(line.text(), title.words()))) scores.merge(title.kind(), title.weight(), Math::max);
        }
        Set<String> spellings = new HashSet<>();
        hits.forEach(line -> line.forEach(hit -> spellings.add(hit.spelling())));
        for (Label label : LABELS) {
            if (spellings.contains(label.spelling())) scores.merge(label.kind(), label.weight(), Integer::sum);
        }
        DocumentKind best = DocumentKind.UNKNOWN;
        int bestScore = 0;
        boolean tied = false;
        for (Map.Entry<DocumentKind, Integer> score : scores.entrySet()) {
            if (score.getValue() > bestScore) {
                best = score.getKey();
                bestScore = score.getValue();
                tied = false;
            } else if (score.getValue() == bestScore && bestScore > 0) {
                tied = true;
            }
        }
        return tied ? DocumentKind.UNKNOWN : best;
    }

    /** The words on a line; one character misread, missing or extra where they are eight characters or more. */
    private static boolean contains(String text, String words) {
        if (text.contains(words)) return true;
        if (words.length() < 8) return false;
        for (int length = words.length() - 1; length <= words.length() + 1; length++) {
            for (int at = 0; at + length <= text.length(); at++) {
                if (LabelFinder.withinOneEdit(text.substring(at, at + length), words)) return true;
            }
        }
        return false;
    }
}
