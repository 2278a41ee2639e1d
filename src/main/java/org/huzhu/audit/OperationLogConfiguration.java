package org.huzhu.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Puts the operation log filter into the security filter chain, just before the access decision:
 * the caller is known there, and a request refused for the caller's role passes back through it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OperationLogConfiguration {

    @Bean
    Customizer<HttpSecurity> operationLogFilter(OperationLog operationLog) {
        return http -> http.addFilterBefore(new OperationLogFilter(operationLog), AuthorizationFilter.class);
    }
}
