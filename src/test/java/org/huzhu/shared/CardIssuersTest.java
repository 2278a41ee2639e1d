package org.huzhu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huzhu.shared.CardIssuers.CardIssuer;
import org.huzhu.shared.CardIssuers.CardKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bank behind a card number, from the shipped issuer-prefix table (banking/card-bins.csv). */
class CardIssuersTest {

    private static final CardIssuers ISSUERS = CardIssuers.load("");

    /** A Luhn-valid 19-digit card number starting with {@code prefix} (check digit by the test's own Luhn). */
    static String cardNumber(String prefix) {
        String body = (prefix + "000000000000000000").substring(0, 18);
        for (char check = '0'; check <= '9'; check++) {
            if (BankAccountTest.luhn(body + check)) return body + check;
        }
        throw new AssertionError("no check digit");
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({"622202, 中国工商银行, DEBIT", "622208, 中国工商银行, DEBIT", "622848, 中国农业银行, DEBIT",
            "601382, 中国银行, DEBIT", "621700, 中国建设银行, DEBIT", "436742, 中国建设银行, DEBIT", "622260, 交通银行, DEBIT",
            "621799, 中国邮政储蓄银行, DEBIT", "622150, 中国邮政储蓄银行, DEBIT", "622588, 招商银行, DEBIT", "621483, 招商银行, DEBIT",
            "439225, 招商银行, CREDIT", "622521, 上海浦东发展银行, DEBIT", "622690, 中信银行, DEBIT", "622660, 中国光大银行, DEBIT",
            "622622, 中国民生银行, DEBIT", "622908, 兴业银行, DEBIT", "622298, 平安银行, DEBIT", "622630, 华夏银行, DEBIT",
            "622568, 广发银行, DEBIT", "623076, 湖北银行, DEBIT", "623029, 汉口银行, DEBIT", "621013, 湖北省农村信用社, DEBIT",
            "623033, 武汉农村商业银行, DEBIT"})
    void aKnownPrefixNamesTheBankAndCardType(String prefix, String bank, CardKind kind) {
        String number = cardNumber(prefix);

        assertThat(ISSUERS.issuer(number)).contains(new CardIssuer(bank, kind));
        assertThat(new BankAccount(bank, number).bankName()).isEqualTo(bank);
    }

    @Test
    void spacesAsPrintedOnTheCardAndAPartlyTypedNumberAreRead() {
        assertThat(ISSUERS.issuer("6228 4804 0256 4890 018")).map(CardIssuer::bank).contains("中国农业银行");
        assertThat(ISSUERS.issuer("622588")).map(CardIssuer::bank).contains("招商银行");
        assertThat(ISSUERS.issuer("62258")).as("fewer than six digits").isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9999990000000000000", "1234567890123456", "62220a1234567890123", "   "})
    void anUnknownPrefixOrANonNumberGivesNoBank(String number) {
        assertThat(ISSUERS.issuer(number)).isEmpty();
    }

    @Test
    void aLuhnInvalidNumberIsRefusedByTheAccountCheckThoughItsBankIsKnown() {
        String valid = cardNumber("622202");
        String invalid = valid.substring(0, 18) + (char) ('0' + (valid.charAt(18) - '0' + 1) % 10);

        assertThat(ISSUERS.issuer(invalid)).map(CardIssuer::bank).contains("中国工商银行");
        assertThatThrownBy(() -> new BankAccount("中国工商银行", invalid))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("银行卡号校验位错误，请核对卡号");
    }

    @Test
    void theShippedTableCoversTheMajorBanksWithWellFormedRows() {
        List<DataTable.Row> rows = DataTable.read(CardIssuers.SHIPPED, "", CardIssuers.HEADER);

        assertThat(rows).hasSizeGreaterThan(150).allSatisfy(r -> assertThat(r.cell(0)).matches("\\d{6,8}"));
        assertThat(rows.stream().map(r -> r.cell(0)).distinct().count()).as("one row per prefix").isEqualTo(rows.size());
        assertThat(rows.stream().map(r -> r.cell(1)).distinct()).contains("中国工商银行", "中国农业银行", "中国银行", "中国建设银行",
                "交通银行", "中国邮政储蓄银行", "招商银行", "上海浦东发展银行", "中信银行", "中国光大银行", "中国民生银行", "兴业银行",
                "平安银行", "华夏银行", "广发银行", "湖北银行", "汉口银行", "湖北省农村信用社", "武汉农村商业银行");
        assertThat(ISSUERS.size()).isEqualTo(rows.size());
    }

    @Test
    void anOfficeFileAddsLongerPrefixesAndOverridesShippedRows(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hubei.csv"), """
                # 本省补充
                prefix,bank,cardType
                62220299,测试村镇银行,借记卡
                622848,中国农业银行湖北省分行,借记卡
                """);

        CardIssuers issuers = CardIssuers.load(dir.toString());

        assertThat(issuers.issuer(cardNumber("62220299"))).contains(new CardIssuer("测试村镇银行", CardKind.DEBIT));
        assertThat(issuers.issuer(cardNumber("62220211"))).map(CardIssuer::bank).contains("中国工商银行");
        assertThat(issuers.issuer(cardNumber("622848"))).map(CardIssuer::bank).contains("中国农业银行湖北省分行");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"62220,某银行,借记卡", "622202x,某银行,借记卡", "622202,,借记卡", "622202,某银行,储蓄卡"})
    void aBadOfficeRowStopsTheStartNamingFileAndLine(String row, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "prefix,bank,cardType\n" + row + "\n");

        assertThatThrownBy(() -> CardIssuers.load(dir.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad.csv line 2");
    }

    @Test
    void aFileWithTheWrongHeaderIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "bin,bank,type\n622202,某银行,借记卡\n");

        assertThatThrownBy(() -> CardIssuers.load(dir.toString())).hasMessageContaining("the header must be prefix,bank,cardType");
    }
}
