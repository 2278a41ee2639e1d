package org.huzhu.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** application.yaml's SMS section binds to {@link SmsProperties}, and the environment variables override it. */
class SmsPropertiesTest {

    @Test
    void theShippedDefaultsBind() throws Exception {
        SmsProperties sms = bind(Map.of());

        assertThat(sms.gateway()).isEqualTo("smpp");
        assertThat(sms.smpp().host()).isEmpty();
        assertThat(sms.smpp().port()).isZero();
        assertThat(sms.smpp().systemId()).isEqualTo("huzhu");
        assertThat(sms.smpp().submitTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sms.smpp().throttleRetries()).isEqualTo(10);
        assertThat(sms.http().signName()).isEqualTo("职工互助");
        assertThat(sms.simulator().enabled()).isNull();
        assertThat(sms.simulator().lateFailureAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(sms.simulator().receiptDelay()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void environmentVariablesChooseTheCentre() throws Exception {
        SmsProperties sms = bind(Map.of("HUZHU_SMS_GATEWAY", "SMPP", "HUZHU_SMPP_HOST", "smsc.example.cn", "HUZHU_SMPP_PORT", "7890",
                "HUZHU_SMPP_SYSTEM_ID", "hbzgh", "HUZHU_SMPP_PASSWORD", "pw", "HUZHU_SMPP_SOURCE", "106900001234"));

        assertThat(sms.gateway()).isEqualTo("smpp");
        assertThat(sms.smpp().host()).isEqualTo("smsc.example.cn");
        assertThat(sms.smpp().port()).isEqualTo(7890);
        assertThat(sms.smpp().systemId()).isEqualTo("hbzgh");
        assertThat(sms.smpp().password()).isEqualTo("pw");
        assertThat(sms.smpp().sourceAddress()).isEqualTo("106900001234");
    }

    private static SmsProperties bind(Map<String, Object> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(environment), new PropertySourcesPlaceholdersResolver(environment)).bind("huzhu.notifications.sms", SmsProperties.class).get();
    }
}
