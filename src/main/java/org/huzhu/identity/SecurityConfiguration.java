package org.huzhu.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browsers log in with the form at {@code /login} and keep a session (CSRF-protected); API
 * clients send HTTP Basic on each request. Unauthenticated API calls get a 401 problem, pages
 * a redirect to the login form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                            ProblemAccessDeniedHandler deniedHandler, EndpointAccess endpoints) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/login.html", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // every API endpoint declares its right (@Requires); one that declares none is refused
                .requestMatchers("/api/**").access(endpoints)
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
            .csrf(csrf -> csrf.spa()
                // no session, nothing for a forged request to ride on: API clients without credentials get a 401
                .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || (request.getRequestURI().startsWith("/api/") && request.getRequestedSessionId() == null))
                .ignoringRequestMatchers("/api/v1/benefit-calculations"))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Loads the deferred CSRF token so that its cookie reaches the browser's scripts. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) token.getToken();
            chain.doFilter(request, response);
        }
    }
}
