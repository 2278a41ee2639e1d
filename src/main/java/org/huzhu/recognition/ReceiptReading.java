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
 */
record ReceiptReading(DocumentKind kind, Map<ReceiptField, Value> fields, Set<ReceiptField> labelled,
                      List<FeeLine> lines, boolean allLinesRead, List<String> warnings) {

    record Value(String text, double confidence) {}
}
