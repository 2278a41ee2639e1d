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

    /** {@code "yyyy-MM-dd"} written digit by digit (LocalDate.toString built a String for every date of a million rows). */
    private static StringBuilder date(StringBuilder json, LocalDate date) {
        if (date == null) return json.append("null");
        int year = date.getYear();
        if (year < 1000 || year > 9999) return json.append('"').append(date).append('"');
        json.append('"').append(year).append('-');
        twoDigits(json, date.getMonthValue()).append('-');
        return twoDigits(json, date.getDayOfMonth()).append('"');
    }

    private static StringBuilder twoDigits(StringBuilder json, int value) {
        return json.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code yyyy-MM-dd} read digit by digit, any other form by {@link LocalDate#parse} (which checks it). */
    static LocalDate parseDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) return LocalDate.of(year, month, day);   // throws on 2026-02-30
        }
        return LocalDate.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
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
                    case "from" -> from = none ? null : parseDate(p.getValueAsString());
                    case "to" -> to = none ? null : parseDate(p.getValueAsString());
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
