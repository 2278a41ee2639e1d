package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.huzhu.shared.DataTable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The shipped diagnosis name list covers every ICD-10 code and category the benefit rules name
 * (catalogue/benefits/*.yaml, read here on their own, not through the benefits module), and every row
 * is a well-formed ICD-10 code with a Chinese name.
 */
class DiagnosisNamesCoverageTest {

    /**
     * Categories inside the catalogue's ranges that ICD-10 leaves unused (no such category exists), so
     * they cannot have a name: C27–C29, C35–C36, C42, C59, C87, C89 and D08.
     */
    private static final Set<String> UNUSED_CATEGORIES = Set.of("C27", "C28", "C29", "C35", "C36", "C42", "C59", "C87", "C89", "D08");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z]\\d{2}");
    private static final Pattern SUBCATEGORY = Pattern.compile("[A-Z]\\d{2}\\.\\d");
    private static final Pattern WHO_CODE = Pattern.compile("[A-Z]\\d{2}(\\.\\d)?");
    private static final Pattern HAN = Pattern.compile(".*\\p{IsHan}.*");

    private static final DiagnosisNames NAMES = DiagnosisNames.load("");

    @Test
    void everyCodeAndCategoryTheBenefitRulesNameHasAChineseName() throws IOException {
        Set<String> named = new TreeSet<>();
        for (String entry : catalogueEntries()) named.addAll(expand(entry));
        assertThat(named).as("codes the benefit rules name").hasSizeGreaterThan(100).contains("C50", "I21", "N18.5", "T31.9", "D07.3");

        List<String> unnamed = named.stream().filter(code -> !NAMES.codes().contains(code)).toList();

        assertThat(unnamed).as("catalogue codes without a row in " + DiagnosisNames.SHIPPED).isEmpty();
    }

    @Test
    void everyRowIsAnIcd10CodeWithAChineseNameAndTheListIsLargeEnough() {
        List<DataTable.Row> rows = DataTable.read(DiagnosisNames.SHIPPED, "", DiagnosisNames.HEADER);

        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        for (DataTable.Row row : rows) {
            assertThat(row.cell(0)).as(row.source() + " line " + row.line()).matches(WHO_CODE);
            assertThat(row.cell(0).substring(0, 3)).as("line " + row.line() + ": an unused ICD-10 category").isNotIn(UNUSED_CATEGORIES);
            assertThat(row.cell(1)).as("line " + row.line() + ": standard name").matches(HAN);
            assertThat(row.cells()).as("line " + row.line() + ": code, name, synonyms").hasSize(3);
            for (String synonym : row.cell(2).split("\\|")) {
                assertThat(synonym).as("line " + row.line() + ": synonym").isEqualTo(synonym.strip());
            }
        }
        assertThat(rows.stream().map(r -> r.cell(0)).distinct().count()).as("one row per code").isEqualTo(rows.size());
    }

    @Test
    void rangesExpandToEveryCategoryOrSubcategoryInThem() {
        assertThat(expand("C50-C52")).containsExactly("C50", "C51", "C52");
        assertThat(expand("C26-C30")).containsExactly("C26", "C30");
        assertThat(expand("T31.3-T31.5")).containsExactly("T31.3", "T31.4", "T31.5");
        assertThat(expand("N18.5")).containsExactly("N18.5");
    }

    /** Every include and exclude entry of every diagnosis list in the shipped benefit rules. */
    private static List<String> catalogueEntries() throws IOException {
        List<String> entries = new ArrayList<>();
        YAMLMapper yaml = YAMLMapper.builder().build();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/benefits/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                JsonNode lists = yaml.readTree(in).path("diagnosisLists");
                for (Map.Entry<String, JsonNode> list : lists.properties()) {
                    list.getValue().path("include").forEach(e -> entries.add(e.asString()));
                    list.getValue().path("exclude").forEach(e -> entries.add(e.asString()));
                }
            }
        }
        assertThat(entries).as("diagnosis list entries in catalogue/benefits").isNotEmpty();
        return entries;
    }

    /** C50 → C50; C00-C97 → each used category; T31.3-T31.9 → each subcategory. */
    private static List<String> expand(String entry) {
        String[] bounds = entry.strip().split("\\s*[-–]\\s*");
        String from = bounds[0];
        String to = bounds.length > 1 ? bounds[1] : from;
        List<String> codes = new ArrayList<>();
        if (CATEGORY.matcher(from).matches() && CATEGORY.matcher(to).matches() && from.charAt(0) == to.charAt(0)) {
            for (int n = Integer.parseInt(from.substring(1)); n <= Integer.parseInt(to.substring(1)); n++) {
                String category = from.charAt(0) + String.format("%02d", n);
                if (!UNUSED_CATEGORIES.contains(category)) codes.add(category);
            }
        } else if (SUBCATEGORY.matcher(from).matches() && SUBCATEGORY.matcher(to).matches() && from.startsWith(to.substring(0, 4))) {
            for (char d = from.charAt(4); d <= to.charAt(4); d++) codes.add(from.substring(0, 4) + d);
        } else {
            throw new AssertionError("cannot read catalogue entry " + entry);
        }
        return codes;
    }
}
