package org.huzhu.membership;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The coverages column: written by hand (the import writes millions), read with Jackson. */
final class CoverageJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<Coverage>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<List<Coverage>>> LISTS = new TypeReference<>() {
    };

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

    static List<Coverage> read(String json) {
        return MAPPER.readValue(json, LIST);
    }

    /** Several coverages columns as one JSON array of their arrays ({@code [[…],[…]]}), in one parse; null reads as none. */
    static List<Coverage> readAll(String arrays) {
        if (arrays == null) return List.of();
        List<Coverage> all = new java.util.ArrayList<>();
        MAPPER.readValue(arrays, LISTS).forEach(all::addAll);
        return all;
    }
}
