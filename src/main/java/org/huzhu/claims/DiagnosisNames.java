package org.huzhu.claims;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.huzhu.benefits.BenefitEngine;
import org.huzhu.benefits.DiagnosisListName;
import org.huzhu.shared.DataTable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Diagnoses found by the plain Chinese words a worker types (乳腺癌, 心梗, 骨折), never by codes: the
 * shipped name list {@code claims/diagnosis-names.csv} plus the office's files in
 * {@code huzhu.diagnosis-names.dir}, held in memory. Each match names the ICD-10 code, its standard
 * Chinese name, the word that matched and the benefit rules' diagnosis lists the code is on today
 * (重大疾病（重症）…), so a screen can say which lump-sum items the diagnosis may open.
 */
@Component
public class DiagnosisNames {

    static final String SHIPPED = "claims/diagnosis-names.csv";
    static final List<String> HEADER = List.of("code", "name", "synonyms");
    static final int MAX_LIMIT = 50;
    private static final Pattern CODE = Pattern.compile("[A-Z]\\d{2}(\\.[0-9A-Z]{1,8})?");
    private static final Pattern CODE_QUERY = Pattern.compile("[A-Z]\\d[0-9.A-Z]*");
    private static final int EXACT = 0;
    private static final int PREFIX = 1;
    private static final int CONTAINS = 2;

    /**
     * One diagnosis found: its code, standard name, the name or synonym that matched what was typed,
     * and the names of the benefit rules' diagnosis lists that contain the code (may be empty).
     */
    public record Match(String code, String name, String matched, List<String> lists) {
    }

    /** A code with its standard name first and its synonyms, each also in search form. */
    private record Entry(String code, String searchCode, List<String> names, List<String> searchNames) {
    }

    /** How well an entry matched: tier (exact, prefix, contains), synonym or not, length of the word. */
    private record Hit(Entry entry, int tier, boolean synonym, int length, String matched) {
    }

    private static final Comparator<Hit> RANK = Comparator.comparingInt(Hit::tier)
            .thenComparing(Hit::synonym)
            .thenComparingInt(Hit::length)
            .thenComparing(h -> h.entry().code());

    private final List<Entry> entries;
    private final Map<String, Entry> byCode;
    private final Function<String, List<String>> listsOf;

    @Autowired
    DiagnosisNames(BenefitEngine benefits, Clock clock, @Value("${huzhu.diagnosis-names.dir:}") String officeDir) {
        this(DataTable.read(SHIPPED, officeDir, HEADER),
                code -> benefits.listsContaining(code, LocalDate.now(clock)).stream().map(DiagnosisListName::name).toList());
    }

    DiagnosisNames(List<DataTable.Row> rows, Function<String, List<String>> listsOf) {
        Map<String, Entry> table = new LinkedHashMap<>();
        for (DataTable.Row row : rows) merge(table, row);
        this.byCode = Map.copyOf(table);
        this.entries = table.values().stream().sorted(Comparator.comparing(Entry::code)).toList();
        this.listsOf = listsOf;
    }

    /** The shipped list and the office's files in {@code officeDir} (may be blank), without Spring or lists. */
    public static DiagnosisNames load(String officeDir) {
        return new DiagnosisNames(DataTable.read(SHIPPED, officeDir, HEADER), code -> List.of());
    }

    /**
     * At most {@code limit} (capped at 50) diagnoses for what was typed, best first: a name or synonym
     * equal to it, then those starting with it, then those containing it (from two characters on: one
     * character finds only names starting with it), standard names before synonyms, shorter before
     * longer. Something that looks like a code (C50, c50.9) also finds codes starting with it. Blank
     * input finds nothing.
     */
    public List<Match> search(String typed, int limit) {
        String query = searchForm(typed);
        if (query.isEmpty() || limit <= 0) return List.of();
        boolean codeLike = CODE_QUERY.matcher(query).matches();
        String codeQuery = query.replace(".", "");
        List<Hit> hits = new ArrayList<>();
        for (Entry entry : entries) {
            Hit best = codeLike ? codeHit(entry, codeQuery) : null;
            for (int i = 0; i < entry.searchNames().size(); i++) {
                String name = entry.searchNames().get(i);
                int tier = name.equals(query) ? EXACT : name.startsWith(query) ? PREFIX
                        : query.length() > 1 && name.contains(query) ? CONTAINS : -1;
                if (tier < 0) continue;
                Hit hit = new Hit(entry, tier, i > 0, name.length(), entry.names().get(i));
                if (best == null || RANK.compare(hit, best) < 0) best = hit;
            }
            if (best != null) hits.add(best);
        }
        hits.sort(RANK);
        return hits.stream().limit(Math.min(limit, MAX_LIMIT))
                .map(h -> new Match(h.entry().code(), h.entry().names().getFirst(), h.matched(), listsOf.apply(h.entry().code())))
                .toList();
    }

    /** The standard Chinese name of a code (C50.900x001 falls back to C50.9, then C50); empty when unknown. */
    public Optional<String> nameOf(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        while (c.length() >= 3) {
            Entry entry = byCode.get(c);
            if (entry != null) return Optional.of(entry.names().getFirst());
            int dot = c.indexOf('.');
            if (dot < 0 || c.length() <= dot + 2) c = dot < 0 ? "" : c.substring(0, dot);
            else c = c.substring(0, dot + 2);
        }
        return Optional.empty();
    }

    /** One name or synonym of a code as the list writes it and in search form (for words read from a document). */
    record Named(String code, String name, String word, String searchWord) {
    }

    /** Every name and synonym of every code, in code order. */
    List<Named> allNames() {
        List<Named> all = new ArrayList<>();
        for (Entry entry : entries) {
            for (int i = 0; i < entry.names().size(); i++) {
                all.add(new Named(entry.code(), entry.names().getFirst(), entry.names().get(i), entry.searchNames().get(i)));
            }
        }
        return all;
    }

    /** Every code the list names, in code order. */
    public List<String> codes() {
        return entries.stream().map(Entry::code).toList();
    }

    private static Hit codeHit(Entry entry, String codeQuery) {
        if (entry.searchCode().equals(codeQuery)) return new Hit(entry, EXACT, false, entry.code().length(), entry.code());
        if (entry.searchCode().startsWith(codeQuery)) return new Hit(entry, PREFIX, false, entry.code().length(), entry.code());
        return null;
    }

    /** A row for a new code adds it; for a known code it adds synonyms, and a name given becomes the standard one. */
    private static void merge(Map<String, Entry> table, DataTable.Row row) {
        String code = row.cell(0).toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) throw row.problem("not an ICD-10 code: " + row.cell(0));
        String name = row.cell(1);
        Set<String> names = new LinkedHashSet<>();
        Entry known = table.get(code);
        if (!name.isEmpty()) names.add(name);
        else if (known == null) throw row.problem("a new code needs its Chinese name: " + code);
        if (known != null) names.addAll(known.names());
        for (String synonym : row.cell(2).split("\\|")) {
            if (!synonym.isBlank()) names.add(synonym.strip());
        }
        List<String> all = List.copyOf(names);
        table.put(code, new Entry(code, code.replace(".", ""), all, all.stream().map(DiagnosisNames::searchForm).toList()));
    }

    /** Half-width, upper-case, without spaces: 乳腺 癌 → 乳腺癌, ｃ５０ → C50. */
    static String searchForm(String text) {
        if (text == null) return "";
        String form = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(form.length());
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) out.append(c);
        }
        return out.toString();
    }
}
