package org.huzhu.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the web edge. {@code secureCookies}: session and CSRF cookies only over HTTPS (on
 * unless set; demo mode on plain HTTP sets it off). {@code frameAncestors}: who may frame the
 * pages (CSP frame-ancestors), {@code 'self'} by default.
 */
@ConfigurationProperties("huzhu.web")
record WebProperties(Boolean secureCookies, String frameAncestors) {

    WebProperties {
        if (secureCookies == null) secureCookies = true;
        if (frameAncestors == null || frameAncestors.isBlank()) frameAncestors = "'self'";
    }
}
