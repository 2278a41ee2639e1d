package org.huzhu.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text is cut into SMS segments. Huzhu's texts are Chinese and always travel as UCS-2
 * (data_coding 0x08): one segment carries 70 UTF-16 units, a segment of a concatenated text 67 (six
 * octets go to the user data header). A surrogate pair is never split across two segments.
 */
public final class SmsText {

    /** UTF-16 units in a text that fits one segment. */
    public static final int SINGLE_SEGMENT_UNITS = 70;
    /** UTF-16 units in one segment of a concatenated text. */
    public static final int CONCATENATED_SEGMENT_UNITS = 67;
    /** The user data header numbers segments with one octet. */
    public static final int MAX_SEGMENTS = 255;
    /** data_coding of UCS-2 text. */
    public static final byte UCS2 = 0x08;

    private SmsText() {
    }

    /**
     * How many segments the text costs: 1 up to 70 units, else ceil(units / 67) — one more when a
     * surrogate pair would straddle a boundary (exactly the number of parts {@link #split} returns).
     */
    public static int segments(String text) {
        return split(text).size();
    }

    /** The text as it goes out: itself when it fits one segment, else parts of at most 67 UTF-16 units. */
    public static List<String> split(String text) {
        if (text.length() <= SINGLE_SEGMENT_UNITS) return List.of(text);
        List<String> parts = new ArrayList<>(text.length() / CONCATENATED_SEGMENT_UNITS + 2);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + CONCATENATED_SEGMENT_UNITS, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    static byte[] ucs2(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }
}
