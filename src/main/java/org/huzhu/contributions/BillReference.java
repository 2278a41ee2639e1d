package org.huzhu.contributions;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bill's reference {@code HZB-<id>}, which units write in the remittance information of their
 * transfer. Read tolerantly: full-width letters, digits and dashes (ＨＺＢ－１２), lower case,
 * spaces or no dash between the letters and the number.
 */
public final class BillReference {

    private static final String PREFIX = "HZB-";
    private static final Pattern IN_TEXT = Pattern.compile("(?<![A-Z0-9])HZB\\s*[-_—–]?\\s*0*(\\d{1,15})(?!\\d)");

    private BillReference() {
    }

    public static String of(long billId) {
        return PREFIX + billId;
    }

    /** The bill id of a reference written exactly or tolerantly; empty when it is not one. */
    public static Optional<Long> parse(String reference) {
        Set<Long> found = findIn(reference);
        if (found.size() != 1) return Optional.empty();
        String normal = normalise(reference).strip();
        return IN_TEXT.matcher(normal).matches() ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Every distinct bill id referenced in a free text (remittance information), in order of appearance. */
    public static Set<Long> findIn(String text) {
        Set<Long> ids = new LinkedHashSet<>();
        if (text == null || text.isBlank()) return ids;
        Matcher m = IN_TEXT.matcher(normalise(text));
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        return ids;
    }

    /** NFKC turns full-width forms into ASCII (ＨＺＢ－１２ → HZB-12); the ideographic space becomes a space. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u3000', ' ').replace('\u2212', '-')
                .replace('\uFF0D', '-').toUpperCase(java.util.Locale.ROOT);
    }
}
