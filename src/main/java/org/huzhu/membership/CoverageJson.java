package org.huzhu.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.shared.Money;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverages column: written by hand (the import writes millions) and read with Jackson's streaming parser (a
 * claim reads its member's coverages twice, and binding records through the object mapper cost more than the rest of
 * the claimant read).
 */
final class CoverageJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private CoverageJson() {
    }

    static String write(List<Coverage> coverages) {
        StringBuilder json = new StringBuilder(90 * coverages.size() + 2).append('[');
        for (int i = 0; i < coverages.size(); i++) {
            Coverage c = coverages.get(i);
            if (i > 0) json.append(',');
            json.append("{\"item\":\"").append(c.item()).append("\",\"plan\":\"").append(c.plan())
                .append("\",\"shares\":").append(c.shares())
                .append(",\"from\":");
            date(json, c.from()).append(",\"to\":");
            date(json, c.to()).append(",\"premium\":\"").append(c.premium()).append("\",\"renewedWithoutGap\":")
                .append(c.renewedWithoutGap()).append('}');
        }
        return json.append(']').toString();
    }

    private static StringBuilder date(StringBuilder json, java.time.LocalDate date) {
        return date == null ? json.append("null") : json.append('"').append(date).append('"');
    }

    /** One coverages column ({@code [{…},…]}); the keys may come in any order, as jsonb gives them back. */
    static List<Coverage> read(String json) {
        List<Coverage> out = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            readArray(p, out);
        }
        return out;
    }

    /** Several coverages columns as one JSON array of their arrays ({@code [[…],[…]]}), in one parse; null reads as none. */
    static List<Coverage> readAll(String arrays) {
        if (arrays == null) return List.of();
        List<Coverage> all = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(arrays)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expect(t, JsonToken.START_ARRAY);
                readArray(p, all);
            }
        }
        return all;
    }

    /** The coverages of an array whose start the parser has just read, up to and including its end. */
    private static void readArray(JsonParser p, List<Coverage> out) {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.START_OBJECT);
            String item = null, plan = null, premium = null;
            int shares = 0;
            LocalDate from = null, to = null;
            boolean renewed = false;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                boolean none = value == JsonToken.VALUE_NULL;
                switch (name) {
                    case "item" -> item = none ? null : p.getValueAsString();
                    case "plan" -> plan = none ? null : p.getValueAsString();
                    case "shares" -> shares = p.getValueAsInt();
                    case "from" -> from = none ? null : LocalDate.parse(p.getValueAsString());
                    case "to" -> to = none ? null : LocalDate.parse(p.getValueAsString());
                    case "premium" -> premium = none ? null : p.getValueAsString();
                    case "renewedWithoutGap" -> renewed = p.getValueAsBoolean();
                    default -> p.skipChildren();
                }
            }
            out.add(new Coverage(item, plan, shares, from, to, premium == null ? null : Money.of(premium), renewed));
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) throw new IllegalStateException("coverages column: expected " + expected + " but found " + actual);
    }
}
