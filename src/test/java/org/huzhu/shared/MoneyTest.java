package org.huzhu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** Yuan exact to the fen; rounding half-up happens once, where a rule says so (domain §5). */
class MoneyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            "190.00 | 190.00",
            "5 | 5.00",
            "0.5 | 0.50",
            "0.05 | 0.05",
            "0 | 0.00",
            "-3.1 | -3.10",
            "'  12.30 ' | 12.30",
            "15000.00 | 15000.00",
            "1234567890123.99 | 1234567890123.99"})
    void parsesAmountsWithAtMostTwoDecimals(String text, String expected) {
        Money money = Money.of(text);

        assertThat(money.toString()).isEqualTo(expected);
        assertThat(money.amount().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"1.234", "0.001", "190.000", "1e3", "1E3", "1.5e2", "abc", "12a", "  ", "1,000.00",
            "¥5", "5元", "1.2.3", "--1", "NaN", "Infinity", "0x10", "-", ".5", "5.", "-.5", "12345678901234", "1.5-", "١٢",
            "+5"})
    void refusesMoreThanTwoDecimalsExponentsAndJunk(String text) {
        assertThatThrownBy(() -> Money.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "new Money({0}) → {1}")
    @CsvSource({"1.5, 1.50", "1.230, 1.23", "7.0000, 7.00", "100, 100.00", "1E+2, 100.00"})
    void constructorAcceptsExtraZerosButKeepsTwoDecimals(BigDecimal amount, String expected) {
        assertThat(new Money(amount).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "new Money({0})")
    @ValueSource(strings = {"1.235", "0.001", "2.3450"})
    void constructorRefusesFractionsOfAFen(BigDecimal amount) {
        assertThatThrownBy(() -> new Money(amount)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "rounded({0}) = {1}")
    @CsvSource({
            "2.345, 2.35",       // half-up, where half-even would give 2.34
            "2.344, 2.34",
            "2.3449999, 2.34",
            "2.355, 2.36",
            "2.335, 2.34",
            "0.005, 0.01",
            "0.004999, 0.00",
            "107.5, 107.50",
            "2.3, 2.30",
            "-2.345, -2.35",     // half away from zero, symmetric for negatives
            "-2.344, -2.34",
            "-0.005, -0.01",
            "3333.3333333333, 3333.33",
            "6666.6666666667, 6666.67"})
    void roundsHalfUpAtTheFen(BigDecimal value, String expected) {
        assertThat(Money.rounded(value).toString()).isEqualTo(expected);
    }

    @Test
    void adds() {
        assertThat(Money.of("190.00").plus(Money.of("25.00"))).isEqualTo(Money.of("215.00"));
        assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
    }

    @Test
    void subtracts() {
        assertThat(Money.of("215.00").minus(Money.of("107.50"))).isEqualTo(Money.of("107.50"));
        assertThat(Money.of("5.00").minus(Money.of("7.50"))).isEqualTo(Money.of("-2.50"));
        assertThat(Money.of("5.00").minus(Money.of("7.50")).isNegative()).isTrue();
    }

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({"190.00, 3, 570.00", "25.00, 5, 125.00", "0.01, 100, 1.00", "12.00, 0, 0.00", "5.05, -2, -10.10"})
    void multipliesByAWholeNumber(String amount, int factor, String expected) {
        assertThat(Money.of(amount).times(factor)).isEqualTo(Money.of(expected));
    }

    @Test
    void minAndMaxPickTheSmallerAndTheLarger() {
        Money a = Money.of("20.00");
        Money b = Money.of("7.50");

        assertThat(a.min(b)).isEqualTo(b);
        assertThat(b.min(a)).isEqualTo(b);
        assertThat(a.max(b)).isEqualTo(a);
        assertThat(b.max(a)).isEqualTo(a);
        assertThat(Money.of("-1").max(Money.ZERO)).isEqualTo(Money.ZERO);
        assertThat(a.min(Money.of("20"))).isEqualTo(a);
    }

    @Test
    void signPredicates() {
        assertThat(Money.of("0.01").isPositive()).isTrue();
        assertThat(Money.of("0.00").isZero()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.of("-0.01").isNegative()).isTrue();
        assertThat(Money.of("-0.00").isZero()).isTrue();
    }

    @Test
    void equalAmountsAreEqualWhateverTheScaleTheyWereWrittenIn() {
        Money short_ = new Money(new BigDecimal("1.5"));
        Money long_ = new Money(new BigDecimal("1.50"));

        assertThat(new BigDecimal("1.5")).isNotEqualTo(new BigDecimal("1.50"));
        assertThat(short_).isEqualTo(long_).hasSameHashCodeAs(long_);
        assertThat(short_.compareTo(long_)).isZero();
        assertThat(Money.of("1.5")).isEqualTo(Money.of("1.50"));
        assertThat(Money.of("1.5").compareTo(Money.of("1.51"))).isNegative();
        assertThat(Money.of(5)).isEqualTo(Money.of("5.00"));
    }

    @Test
    void writesJsonAsATwoDecimalString() {
        assertThat(JSON.writeValueAsString(Money.of("190"))).isEqualTo("\"190.00\"");
        assertThat(JSON.writeValueAsString(Money.of("0.5"))).isEqualTo("\"0.50\"");
        assertThat(JSON.writeValueAsString(Map.of("premium", Money.of("215")))).isEqualTo("{\"premium\":\"215.00\"}");
    }

    @Test
    void readsJsonStringsAndRefusesFractionsOfAFen() {
        assertThat(JSON.readValue("\"0.5\"", Money.class)).isEqualTo(Money.of("0.50"));
        assertThat(JSON.readValue("\"107.50\"", Money.class)).isEqualTo(Money.of("107.5"));
        assertThatThrownBy(() -> JSON.readValue("\"1.234\"", Money.class)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> JSON.readValue("\"1e3\"", Money.class)).isInstanceOf(RuntimeException.class);
    }
}
