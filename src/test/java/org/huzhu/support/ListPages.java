package org.huzhu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.huzhu.support.ApiTest.Answer;
import tools.jackson.databind.JsonNode;

/**
 * A list of the API read a page at a time by {@code limit} and {@code offset}, as the console reads it, and held against
 * the same list read in one go.
 */
public final class ListPages {

    private ListPages() {
    }

    /**
     * Every row of the list at {@code path}, read {@code page} at a time through {@code read} (a path to its answer),
     * checking that each page is a page (the last one short of it), that no row comes twice, and that together the pages
     * are the list as it reads in one go, in its order.
     */
    public static List<JsonNode> every(Function<String, Answer> read, String path, int page) {
        String separator = path.contains("?") ? "&" : "?";
        List<String> whole = new ArrayList<>();
        read.apply(path + separator + "limit=500").json().forEach(row -> whole.add(row.toString()));
        assertThat(whole).as("the test reads the whole list in one go").hasSizeLessThan(500);
        List<JsonNode> rows = new ArrayList<>();
        for (int offset = 0; offset <= whole.size(); offset += page) {   // to the first page short of a page: the end
            Answer answer = read.apply(path + separator + "limit=" + page + "&offset=" + offset);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            answer.json().forEach(rows::add);
            assertThat(answer.json().size()).as("a page of " + path).isEqualTo(Math.min(page, whole.size() - offset));
        }
        assertThat(rows).extracting(JsonNode::toString).as("the pages of " + path + ", none twice, make the whole list in its order")
                .doesNotHaveDuplicates().containsExactlyElementsOf(whole);
        return rows;
    }

    /** A list's summary, answered 200, whose {@code count} is how many rows the list held on all its pages. */
    public static void assertCounts(Answer summary, List<JsonNode> rows) {
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().path("count").asLong()).as("the count of " + summary.body()).isEqualTo(rows.size());
    }
}
