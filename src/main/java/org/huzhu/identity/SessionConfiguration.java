package org.huzhu.identity;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser sessions live in PostgreSQL (tables {@code identity.spring_session*}), so any instance
 * on the same database serves a session started on another. The cookie is HttpOnly, SameSite=Lax
 * and Secure unless {@code huzhu.web.secure-cookies=false} (demo mode on plain HTTP). A session
 * idle for {@code server.servlet.session.timeout} (30 minutes) ends: the annotation's own default
 * would otherwise win over that setting.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableJdbcHttpSession(tableName = "identity.spring_session", maxInactiveIntervalInSeconds = 1800)
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    @Bean
    CookieSerializer cookieSerializer(WebProperties web) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("SESSION");
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(web.secureCookies());
        return cookie;
    }
}
