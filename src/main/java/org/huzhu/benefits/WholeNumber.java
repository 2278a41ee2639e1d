package org.huzhu.benefits;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a count (shares, disability grade, allowance days) as a whole number and refuses 2.5
 * instead of silently truncating it to 2; "2" in quotes is accepted.
 */
final class WholeNumber extends ValueDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getString().strip();
            if (text.matches("-?\\d{1,9}")) return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("须为整数：" + parser.getString());
    }
}
