package org.huzhu.notifications.sms;

/** How many segments a text takes: always UCS-2, 70 UTF-16 units alone, 67 a segment when concatenated. */
public final class SmsText {

    public static final int SINGLE = 70;
    public static final int PART = 67;

    private SmsText() {
    }

    public static int segments(String text) {
        int n = text.length();
        return n <= SINGLE ? 1 : (n + PART - 1) / PART;
    }
}
