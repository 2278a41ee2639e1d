package org.huzhu.shared;

/**
 * How personal numbers are shown on screens and in answers. ID numbers have their own mask
 * ({@link IdNumber#mask}), which must hide more because the birth date is shown beside it.
 */
public final class Masks {

    private Masks() {
    }

    /** {@code 138****0000}: the network prefix and the last four digits of a mobile number. */
    public static String phone(String phone) {
        if (phone == null) return null;
        if (phone.length() < 8) return "*".repeat(phone.length());
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** {@code 6222 **** **** 1234}: the first and last four characters of a card or account number. */
    public static String accountNumber(String number) {
        if (number == null) return null;
        if (number.length() < 10) return "****";
        return number.substring(0, 4) + " **** **** " + number.substring(number.length() - 4);
    }

    /**
     * {@code 尾号1234}: how a text message names a bank account — its last four digits only. Takes the
     * full number or its mask ({@link #accountNumber}); null when there is none.
     */
    public static String accountTail(String numberOrMask) {
        if (numberOrMask == null) return null;
        String digits = numberOrMask.replaceAll("[^0-9]", "");
        if (digits.length() < 4) return null;
        return "尾号" + digits.substring(digits.length() - 4);
    }

    /** {@code 张*} or {@code 张*明}: the first character of a name, and its last when it has three or more. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) return name;
        int[] chars = name.codePoints().toArray();
        if (chars.length == 1) return "*";
        String first = Character.toString(chars[0]);
        if (chars.length == 2) return first + "*";
        return first + "*".repeat(chars.length - 2) + Character.toString(chars[chars.length - 1]);
    }
}
