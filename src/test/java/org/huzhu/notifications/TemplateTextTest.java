package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void fillsNamedVariablesInOrder() {
        TemplateText text = new TemplateText("{name}您好，您的申领（{claimRef}）已受理，{name}请留意。");
        assertThat(text.variables()).containsExactly("name", "claimRef");
        assertThat(text.fill(Map.of("name", "林阳秀", "claimRef", "CLM-1"))).isEqualTo("林阳秀您好，您的申领（CLM-1）已受理，林阳秀请留意。");
        assertThatThrownBy(() -> text.fill(Map.of("name", "林阳秀"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnknownVariablesLooseBracesSignaturesAndFullNumbers() {
        assertThat(new TemplateText("{idNumber}您好").problems()).anyMatch(p -> p.contains("未知变量{idNumber}"));
        assertThat(new TemplateText("{diagnosis}").problems()).anyMatch(p -> p.contains("未知变量"));
        assertThat(new TemplateText("您好{").problems()).anyMatch(p -> p.contains("花括号"));
        assertThat(new TemplateText("【职工互助】您好").problems()).anyMatch(p -> p.contains("签名"));
        assertThat(new TemplateText("请转账至6222021234567890123").problems()).anyMatch(p -> p.contains("完整号码"));
        assertThat(new TemplateText("咨询电话027-85781234，编号2026-000123").problems()).isEmpty();
        assertThat(new TemplateText(" ").problems()).containsExactly("内容不能为空");
    }

    @Test
    void aFilledTextWithAFullNumberIsCaught() {
        assertThat(TemplateText.carriesLongNumber("账户尾号6789")).isFalse();
        assertThat(TemplateText.carriesLongNumber("身份证42010619790315123X")).isTrue();
        assertThat(TemplateText.carriesLongNumber("手机13800001111")).isTrue();
    }

    @Test
    void publicityCarriesTheOptOutAndEveryTextTheSignature() {
        assertThat(TemplateText.sms("【职工互助】", "您好。", Purpose.PUBLICITY, "回复TD退订")).isEqualTo("【职工互助】您好。回复TD退订");
        assertThat(TemplateText.sms("【职工互助】", "详见https://hz.example.cn/m/", Purpose.PUBLICITY, "回复TD退订"))
                .isEqualTo("【职工互助】详见https://hz.example.cn/m/ 回复TD退订");
        assertThat(TemplateText.sms("【职工互助】", "您好", Purpose.TRANSACTIONAL, "回复TD退订")).isEqualTo("【职工互助】您好");
    }

    @Test
    void countsSeventyCharactersForOneSegmentAndSixtySevenForEachOfALongText() {
        assertThat(TemplateText.segments("字".repeat(70))).isEqualTo(1);
        assertThat(TemplateText.segments("字".repeat(71))).isEqualTo(2);
        assertThat(TemplateText.segments("字".repeat(134))).isEqualTo(2);
        assertThat(TemplateText.segments("字".repeat(135))).isEqualTo(3);
    }

    @Test
    void quietHoursRunFromNineInTheEveningToEightInTheMorningChinaTime() {
        QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), CHINA);
        Instant evening = ZonedDateTime.of(2026, 11, 23, 21, 0, 0, 0, CHINA).toInstant();
        Instant before = ZonedDateTime.of(2026, 11, 23, 20, 59, 59, 0, CHINA).toInstant();
        Instant night = ZonedDateTime.of(2026, 11, 24, 3, 0, 0, 0, CHINA).toInstant();
        Instant morning = ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, CHINA).toInstant();
        assertThat(quiet.isQuiet(before)).isFalse();
        assertThat(quiet.isQuiet(evening)).isTrue();
        assertThat(quiet.isQuiet(night)).isTrue();
        assertThat(quiet.isQuiet(morning)).isFalse();
        assertThat(quiet.nextAllowed(evening)).isEqualTo(morning);
        assertThat(quiet.nextAllowed(night)).isEqualTo(morning);
        assertThat(quiet.nextAllowed(before)).isEqualTo(before);
    }
}
