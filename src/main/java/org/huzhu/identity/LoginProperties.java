package org.huzhu.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on logging in: {@code accountFailures} wrong passwords in a row lock the account for
 * {@code lockout}; {@code addressFailures} failures from one address within {@code lockout} refuse
 * that address until they age out.
 */
@ConfigurationProperties("huzhu.login")
record LoginProperties(Integer accountFailures, Integer addressFailures, Duration lockout) {

    LoginProperties {
        if (accountFailures == null) accountFailures = 5;
        if (addressFailures == null) addressFailures = 20;
        if (lockout == null) lockout = Duration.ofMinutes(15);
    }
}
