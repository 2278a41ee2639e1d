package org.huzhu.claims;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ICD-10 code a diagnosis read from a discharge summary or a certificate suggests, from the
 * diagnosis name list ({@link DiagnosisNames}): a name or synonym equal to the words read first,
 * then the longest name the words contain (胆囊结石伴慢性胆囊炎 → 慢性胆囊炎), then a name one
 * character off (two for long names) as OCR misreads it. When two codes fit equally well there is
 * no suggestion: a reviewer and the worker confirm what is suggested, so an unsure one is left out.
 */
final class DiagnosisSuggestions {

    /** How the words matched: EXACT (the standard name), SYNONYM, CONTAINED or NEAR (OCR noise). */
    enum How {
        EXACT, SYNONYM, CONTAINED, NEAR
    }

    /** A suggested code with its standard name, the list's word that matched, and how. */
    record Suggestion(String code, String name, String matched, How how) {
    }

    private static final int SHORTEST = 2;
    private static final int LONG_NAME = 8;

    private final List<DiagnosisNames.Named> names;

    DiagnosisSuggestions(DiagnosisNames list) {
        this.names = list.allNames();
    }

    Optional<Suggestion> suggest(String diagnosis) {
        String read = DiagnosisNames.searchForm(diagnosis).replaceAll("[，,。.；;:：]+$", "");
        if (read.length() < SHORTEST) return Optional.empty();
        List<DiagnosisNames.Named> exact = names.stream().filter(n -> n.searchWord().equals(read)).toList();
        if (!exact.isEmpty()) return unique(exact, n -> n.word().equals(n.name()) ? How.EXACT : How.SYNONYM);
        List<DiagnosisNames.Named> contained = names.stream()
                .filter(n -> n.searchWord().length() >= SHORTEST && read.contains(n.searchWord())).toList();
        if (!contained.isEmpty()) {
            int longest = contained.stream().mapToInt(n -> n.searchWord().length()).max().orElseThrow();
            return unique(contained.stream().filter(n -> n.searchWord().length() == longest).toList(), n -> How.CONTAINED);
        }
        int allowed = read.length() >= LONG_NAME ? 2 : read.length() >= 4 ? 1 : 0;
        if (allowed == 0) return Optional.empty();
        List<DiagnosisNames.Named> near = names.stream()
                .filter(n -> Math.abs(n.searchWord().length() - read.length()) <= allowed && distance(n.searchWord(), read) <= allowed)
                .toList();
        if (near.isEmpty()) return Optional.empty();
        int best = near.stream().mapToInt(n -> distance(n.searchWord(), read)).min().orElseThrow();
        return unique(near.stream().filter(n -> distance(n.searchWord(), read) == best).toList(), n -> How.NEAR);
    }

    /** The one code these names share, or nothing when they name several. */
    private static Optional<Suggestion> unique(List<DiagnosisNames.Named> found, java.util.function.Function<DiagnosisNames.Named, How> how) {
        Set<String> codes = found.stream().map(DiagnosisNames.Named::code).collect(Collectors.toSet());
        if (codes.size() != 1) return Optional.empty();
        DiagnosisNames.Named n = found.stream().min(Comparator.comparing(x -> !x.word().equals(x.name()))).orElseThrow();
        return Optional.of(new Suggestion(n.code(), n.name(), n.word(), how.apply(n)));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
