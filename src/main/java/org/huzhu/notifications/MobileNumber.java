package org.huzhu.notifications;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland China mobile number, as written by people: spaces, dashes and a +86 or 0086 prefix are allowed. */
final class MobileNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private MobileNumber() {
    }

    static Optional<String> parse(String written) {
        if (written == null) return Optional.empty();
        String digits = written.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) digits = digits.substring(3);
        else if (digits.startsWith("0086")) digits = digits.substring(4);
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
