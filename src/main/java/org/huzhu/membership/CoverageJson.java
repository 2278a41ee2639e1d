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
        List<Coverage> exact = AsWritten.array(json);
        if (exact != null) return exact;
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
        List<Coverage> exact = AsWritten.arrays(arrays);
        if (exact != null) return exact;
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

    /**
     * The column exactly as {@link #write} writes it (and {@code json_agg} joins it), read character by character: a
     * claim and a renewal read millions, and Jackson's parser set-up and name look-ups were most of that. Any other
     * form — keys in another order, spaces, escapes — answers null, and Jackson reads it.
     */
    static final class AsWritten {
        private final String s;
        private int i;

        private AsWritten(String s) {
            this.s = s;
        }

        static List<Coverage> array(String s) {
            AsWritten r = new AsWritten(s);
            List<Coverage> out = new ArrayList<>(4);
            try {
                return r.arrayInto(out) && r.i == s.length() ? out : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        static List<Coverage> arrays(String s) {
            AsWritten r = new AsWritten(s);
            List<Coverage> out = new ArrayList<>(4);
            try {
                if (!r.take('[')) return null;
                if (r.take(']')) return r.i == s.length() ? out : null;
                do {
                    r.take(' ');
                    if (!r.arrayInto(out)) return null;
                } while (r.take(','));
                return r.take(']') && r.i == s.length() ? out : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private boolean arrayInto(List<Coverage> out) {
            if (!take('[')) return false;
            if (take(']')) return true;
            do {
                Coverage c = object();
                if (c == null) return false;
                out.add(c);
            } while (take(','));
            return take(']');
        }

        private Coverage object() {
            if (!take("{\"item\":")) return null;
            String item = string();
            if (item == null || !take(",\"plan\":")) return null;
            String plan = string();
            if (plan == null || !take(",\"shares\":")) return null;
            int shares = number();
            if (shares < 0 || !take(",\"from\":")) return null;
            LocalDate from = dateOrNull();
            if (from == NOT_A_DATE || !take(",\"to\":")) return null;
            LocalDate to = dateOrNull();
            if (to == NOT_A_DATE || !take(",\"premium\":")) return null;
            String premium = string();
            if (premium == null || !take(",\"renewedWithoutGap\":")) return null;
            boolean renewed;
            if (take("true")) renewed = true;
            else if (take("false")) renewed = false;
            else return null;
            if (!take('}')) return null;
            return new Coverage(item, plan, shares, from, to, Money.of(premium), renewed);
        }

        private static final LocalDate NOT_A_DATE = LocalDate.MIN;

        private LocalDate dateOrNull() {
            if (take("null")) return null;
            String text = string();
            return text == null || text.length() != 10 ? NOT_A_DATE : parseDate(text);
        }

        private String string() {
            if (!take('"')) return null;
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') return s.substring(start, i++);
                if (c == '\\' || c < ' ') return null;
                i++;
            }
            return null;
        }

        private int number() {
            int start = i;
            int value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 9) value = value * 10 + (s.charAt(i++) - '0');
            return i == start ? -1 : value;
        }

        private boolean take(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private boolean take(String text) {
            if (s.startsWith(text, i)) {
                i += text.length();
                return true;
            }
            return false;
        }
    }
}
