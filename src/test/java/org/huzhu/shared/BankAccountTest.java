package org.huzhu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Payout accounts (domain §3): UnionPay cards (62…, 16–19 digits) are Luhn-checked, others only for form. */
class BankAccountTest {

    /** Luhn written out here, to check fixtures independently of {@link BankAccount#luhnValid(String)}. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d : (2 * d) / 10 + (2 * d) % 10;
        }
        return sum % 10 == 0;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"79927398713, true", "79927398710, false", "0, true", "18, true", "81, false", "6228480402564890018, true",
            "6228480402564890019, false", "4111111111111111, true", "4111111111111112, false"})
    void luhnCheckMatchesTheTextbookAlgorithm(String digits, boolean valid) {
        assertThat(luhn(digits)).as("fixture").isEqualTo(valid);
        assertThat(BankAccount.luhnValid(digits)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "6228480402564890018",   // 19 digits, the card-number sample printed in bank documentation
            "6222021234567890128",   // 19 digits
            "621700123456789011",    // 18 digits
            "6225880123456783",      // 16 digits
            "62170012345678915"})    // 17 digits
    void acceptsUnionPayCardsWithAValidLuhnDigit(String number) {
        assertThat(luhn(number)).as("fixture").isTrue();

        assertThat(new BankAccount("中国工商银行", number).number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"6228480402564890019", "6222021234567890123", "621700123456789012", "6225880123456784",
            "6228480402564890081"})
    void refusesUnionPayCardsWithAWrongLuhnDigit(String number) {
        assertThat(luhn(number)).as("fixture").isFalse();

        assertThatThrownBy(() -> new BankAccount("中国农业银行", number))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("校验位");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "4367421234567890123",       // a Visa-branded debit card: not 62, not Luhn-checked here
            "1234567890",                // a 10-digit company account
            "420101040012345678901234",  // a long settlement account
            "62284804025648900191",      // starts with 62 but 20 digits: not a UnionPay card number
            "622848040256480"})          // starts with 62 but 15 digits
    void checksOtherAccountsOnlyForForm(String number) {
        assertThat(luhn(number)).as("fixture fails Luhn, so acceptance proves it was not applied").isFalse();

        assertThat(new BankAccount("湖北银行", number).number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"123456789", "1234567890123456789012345678901", "6228-4804-0256-4890-018", "62284804025648900l8",
            "６２２８４８０４０２５６４８９００１８"})
    void refusesNumbersOfTheWrongForm(String number) {
        assertThatThrownBy(() -> new BankAccount("湖北银行", number))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10至30位数字");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refusesABlankNumberOrBankName(String blank) {
        assertThatThrownBy(() -> new BankAccount("湖北银行", blank)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("银行账号不能为空");
        assertThatThrownBy(() -> new BankAccount(blank, "6228480402564890018")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("开户银行不能为空");
    }

    @Test
    void dropsTheSpacesPeopleTypeBetweenGroupsOfDigits() {
        BankAccount account = new BankAccount(" 中国农业银行 ", " 6228 4804 0256 4890 018 ");

        assertThat(account.number()).isEqualTo("6228480402564890018");
        assertThat(account.bankName()).isEqualTo("中国农业银行");
    }

    @Test
    void masksAllButTheFirstAndLastFourDigits() {
        assertThat(new BankAccount("中国农业银行", "6228480402564890018").masked()).isEqualTo("6228 **** **** 0018");
        assertThat(new BankAccount("湖北银行", "1234567890").masked()).isEqualTo("1234 **** **** 7890");
    }

    @Test
    void toStringShowsOnlyTheMaskedNumber() {
        BankAccount account = new BankAccount("中国农业银行", "6228480402564890018");

        assertThat(account.toString())
                .isEqualTo("中国农业银行 6228 **** **** 0018")
                .doesNotContain("6228480402564890018")
                .doesNotContain("04025648");
    }
}
