package org.huzhu.hospitals;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an element stands in the JSON a client sent, written as a FHIRPath
 * ({@code CoverageEligibilityRequest.contained[0].identifier[0].sytem}): HAPI's parser names only the element, and an
 * integrator needs to find it in a request of their own making.
 */
final class JsonPaths {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonPaths() {
    }

    /** The first element of this name (with this value, when given), depth first; the bare name when not found. */
    static String of(String json, String element, String value) {
        if (element == null) return null;
        try {
            JsonNode root = JSON.readTree(json);
            String path = find(root, root.path("resourceType").asString("CoverageEligibilityRequest"), element, value);
            return path != null ? path : element;
        } catch (JacksonException e) {
            return element;
        }
    }

    private static String find(JsonNode node, String at, String element, String value) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String here = at + "." + field.getKey();
                if (field.getKey().equals(element) && matches(field.getValue(), value)) return here;
                String deeper = find(field.getValue(), here, element, value);
                if (deeper != null) return deeper;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String deeper = find(node.get(i), at + "[" + i + "]", element, value);
                if (deeper != null) return deeper;
            }
        }
        return null;
    }

    private static boolean matches(JsonNode node, String value) {
        if (value == null) return true;
        if (node.isArray()) {
            for (JsonNode item : node) if (value.equals(item.asString(null))) return true;
            return false;
        }
        return value.equals(node.asString(null));
    }
}
