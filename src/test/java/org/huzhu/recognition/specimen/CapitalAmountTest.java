package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Capitals as the People's Bank rules for bills write them; the first six rows are the rules' own
 * examples (《正确填写票据和结算凭证的基本规定》), taking the variant without the optional 零.
 */
class CapitalAmountTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "1409.50 | 壹仟肆佰零玖元伍角",
            "6007.14 | 陆仟零柒元壹角肆分",
            "1680.32 | 壹仟陆佰捌拾元叁角贰分",
            "107000.53 | 壹拾万柒仟元伍角叁分",
            "325.04 | 叁佰贰拾伍元零肆分",
            "23456.78 | 贰万叁仟肆佰伍拾陆元柒角捌分",
            "100.00 | 壹佰元整",
            "10.00 | 壹拾元整",
            "15.00 | 壹拾伍元整",
            "12.3 | 壹拾贰元叁角",
            "0.50 | 伍角",
            "0.05 | 伍分",
            "0.55 | 伍角伍分",
            "0.00 | 零元整",
            "1000.05 | 壹仟元零伍分",
            "1005.00 | 壹仟零伍元整",
            "1050.00 | 壹仟零伍拾元整",
            "10005.00 | 壹万零伍元整",
            "10500.00 | 壹万零伍佰元整",
            "100100.00 | 壹拾万零壹佰元整",
            "1050000.00 | 壹佰零伍万元整",
            "10000001.00 | 壹仟万零壹元整",
            "100000001.00 | 壹亿零壹元整",
            "100010000.00 | 壹亿零壹万元整",
            "99999.99 | 玖万玖仟玖佰玖拾玖元玖角玖分"})
    void writesYuanJiaoAndFenInCapitals(String amount, String capitals) {
        assertThat(CapitalAmount.of(new BigDecimal(amount))).isEqualTo(capitals);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "1.005", "10000000000000000"})
    void rejectsWhatIsNotAnAmountOfYuanAndFen(String amount) {
        assertThatThrownBy(() -> CapitalAmount.of(new BigDecimal(amount))).isInstanceOf(IllegalArgumentException.class);
    }
}
