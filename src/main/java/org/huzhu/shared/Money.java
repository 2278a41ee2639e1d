package org.huzhu.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of yuan, exact to the fen (two decimals). Arithmetic keeps full precision until
 * {@link #rounded(BigDecimal)} rounds half-up once, where a rule says so.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);


    public Money {
        if (amount == null) throw new IllegalArgumentException("amount is required");
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("金额最多两位小数：" + amount.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses {@code "190.00"}; rejects more than two decimals, exponents and junk. */
    @JsonCreator
    public static Money of(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("金额不能为空");
        String t = text.trim();
        if (!wellFormed(t)) {
            throw new IllegalArgumentException("金额格式不正确（最多两位小数）：" + text);
        }
        return new Money(new BigDecimal(t));
    }

    /**
     * {@code -?\d{1,13}(\.\d{1,2})?} (ASCII digits), checked by hand: amounts are parsed several times a claim (coverages,
     * receipts, benefits), and the matcher cost more than the parse.
     */
    private static boolean wellFormed(String t) {
        int i = t.startsWith("-") ? 1 : 0;
        int start = i;
        while (i < t.length() && asciiDigit(t.charAt(i))) i++;
        if (i - start < 1 || i - start > 13) return false;
        if (i == t.length()) return true;
        if (t.charAt(i) != '.') return false;
        int decimals = t.length() - i - 1;
        if (decimals < 1 || decimals > 2) return false;
        for (int j = i + 1; j < t.length(); j++) if (!asciiDigit(t.charAt(j))) return false;
        return true;
    }

    private static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static Money of(long yuan) {
        return new Money(BigDecimal.valueOf(yuan));
    }

    /** Rounds a computed value half-up to the fen: the one place where rounding happens. */
    public static Money rounded(BigDecimal value) {
        return new Money(value.setScale(2, RoundingMode.HALF_UP));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @JsonValue
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
