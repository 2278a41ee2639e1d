package org.huzhu.recognition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was read from one document (contract §2): its kind, where the text came from, the fields
 * that were read and passed the checks (in the order of docs/receipts.md), a confidence 0..1 per
 * field, Chinese warnings for everything dropped or doubted, and the fee lines. A field that could
 * not be read is absent, never guessed.
 */
public record Recognition(DocumentKind documentType, TextSource source, Map<String, String> fields,
                          Map<String, Double> confidence, List<String> warnings, List<FeeLine> lines) {

    public Recognition {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        confidence = Collections.unmodifiableMap(new LinkedHashMap<>(confidence));
        warnings = List.copyOf(warnings);
        lines = List.copyOf(lines);
    }
}
