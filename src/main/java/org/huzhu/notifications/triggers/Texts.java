package org.huzhu.notifications.triggers;

import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.Money;

/** How figures read in a text message: 2026年12月31日, 1,200.00, items joined by 、. */
final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Texts() {
    }

    static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** One format per thread (a DecimalFormat is not thread-safe, and making one parses its pattern). */
    private static final ThreadLocal<DecimalFormat> AMOUNT = ThreadLocal.withInitial(() -> new DecimalFormat("#,##0.00"));

    static String amount(Money money) {
        return money == null ? "" : AMOUNT.get().format(money.amount());
    }

    static String list(List<String> parts, String separator) {
        return String.join(separator, parts);
    }

    /** Values given as name, value, name, value…; a missing value reads as nothing. */
    static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) values.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        return values;
    }
}
