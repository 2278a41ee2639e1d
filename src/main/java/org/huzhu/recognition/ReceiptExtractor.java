package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huzhu.recognition.LabelFinder.Hit;

/**
 * Reads a receipt by the position of its printed labels, whatever the boxes it is given hold
 * (glyphs, words or whole lines): boxes become lines ({@link TextLine}), labels are found on the
 * lines ({@link LabelFinder}), values are read beside or below them ({@link PageReading}), values
 * whose labels were not read are placed by the template's order ({@link TemplatePlacement}), and
 * the document's kind is weighed from its title and labels ({@link DocumentClues}), the fee table is read between its header (项目名称) and 金额合计 ({@link FeeTable}). Nothing is
 * guessed: a field whose value is not found is simply absent.
 */
final class ReceiptExtractor {

    private ReceiptExtractor() {
    }

    static ReceiptReading extract(List<PageText> pages) {
        List<ReceiptReading> readings = pages.stream().map(ReceiptExtractor::readPage).toList();
        if (readings.isEmpty()) return new ReceiptReading(DocumentKind.UNKNOWN, Map.of(), Set.of(), List.of(), false, List.of());
        int chosen = 0;
        for (int i = readings.size() - 1; i >= 0; i--) {
            boolean known = readings.get(i).kind() != DocumentKind.UNKNOWN;
            boolean bestKnown = readings.get(chosen).kind() != DocumentKind.UNKNOWN;
            if (known || !bestKnown && readings.get(i).fields().size() >= readings.get(chosen).fields().size()) chosen = i;
        }
        ReceiptReading reading = readings.get(chosen);
        long receipts = readings.stream().filter(r -> r.kind() != DocumentKind.UNKNOWN).count();
        if (receipts > 1) {
            List<String> warnings = new ArrayList<>(reading.warnings());
            warnings.add("文件中有 " + receipts + " 张票据，只识别了第 " + (pages.get(chosen).pageIndex() + 1) + " 页的一张；请每张票据单独上传");
            reading = reading.with(reading.fields(), warnings);
        }
        return reading;
    }

    static ReceiptReading readPage(PageText page) {
        List<TextLine> lines = TextLine.of(page);
        List<boolean[]> starts = lines.stream().map(ReceiptExtractor::segmentStarts).toList();
        List<TextBox.Ink[]> inks = lines.stream().map(TextLine::inks).toList();
        Set<ReceiptLabel> found = EnumSet.noneOf(ReceiptLabel.class);
        for (int i = 0; i < lines.size(); i++) {
            LabelFinder.find(lines.get(i).text(), starts.get(i), inks.get(i), Set.of()).forEach(h -> found.add(h.label()));
        }
        List<List<Hit>> hits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) hits.add(LabelFinder.find(lines.get(i).text(), starts.get(i), inks.get(i), found));
        List<String> texts = lines.stream().map(TextLine::text).toList();
        hits = LabelFinder.withPayerRemnants(lines, LabelFinder.withQualifierRemains(texts, LabelFinder.withCreditCodeLabelsMisread(texts,
                LabelFinder.withoutCutShortRepeats(LabelFinder.withoutNearRepeats(hits)))));
        DocumentKind kind = DocumentClues.kind(lines, hits);
        PageReading reading = new PageReading(lines, hits);
        reading.readBesideLabels();
        TemplatePlacement.place(reading, kind);
        reading.totalBesideTheTotalLine();
        FeeTable table = FeeTable.read(lines, hits);
        Set<ReceiptLabel> seen = EnumSet.noneOf(ReceiptLabel.class);
        hits.forEach(line -> line.stream().filter(h -> h.edits() == 0).forEach(h -> seen.add(h.label())));
        return new ReceiptReading(kind, reading.fields, reading.labelled, table.lines(), table.complete(), reading.warnings, reading.slots,
                reading.unlabelledValues(FeeTable.rows(lines, hits)), seen);
    }

    private static boolean[] segmentStarts(TextLine line) {
        boolean[] starts = new boolean[line.length()];
        for (int i = 0; i < starts.length; i++) starts[i] = i == 0 || line.gapBefore(i);
        return starts;
    }

}
