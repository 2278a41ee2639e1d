package org.huzhu.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ApiPaths;
import org.huzhu.shared.web.InlineResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browsers log in with the form at {@code /login} and keep a session (CSRF-protected, whatever
 * other header they send); API clients send HTTP Basic on each request and carry no session.
 * Unauthenticated API calls get a 401 problem, pages a redirect to the login form. Every answer
 * carries a Content-Security-Policy without inline script but the declared {@link InlineResource}s. Outside demo mode the API
 * documentation is for logged-in staff only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                            ProblemAccessDeniedHandler deniedHandler, EndpointAccess endpoints, WebProperties web,
                                            AccountRepository accounts,
                                            LoginAttempts attempts, List<InlineResource> inline,
                                            @Value("${huzhu.demo.enabled:false}") boolean demo) throws Exception {
        SignInGate gate = new SignInGate(accounts, demo);
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setDefaultTargetUrl("/");
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(web.secureCookies()).sameSite("Lax"));
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/login.html", "/login-code.html", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
                // the member app (掌上办) is static files; what it shows comes from the API. /verify/{token}: the
                // public check of an electronic cover certificate, opened from its QR code
                .requestMatchers("/m", "/m/", "/m/**", "/verify/*").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(API_DOCS).access((authentication, context) ->
                        new AuthorizationDecision(demo || holds(authentication.get(), Right.API_DOCS)))
                // every API endpoint declares its right (@Requires); one that declares none is refused. /fhir/: the
                // hospital desk's FHIR base (CoverageEligibilityRequest)
                .requestMatchers("/api/**", "/fhir/**").access(endpoints)
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
            .formLogin(form -> form.loginPage("/login")
                    .successHandler((request, response, authentication) -> {
                        // an account with two-factor login is signed in only once its code is given
                        if (authentication.getPrincipal() instanceof HuzhuUser user && gate.asksForCode(user.currentUser().accountId())) {
                            request.getSession().setAttribute(SignInGate.CODE_PENDING, Boolean.TRUE);
                            response.sendRedirect("/login-code.html");
                        } else {
                            signedIn.onAuthenticationSuccess(request, response, authentication);
                        }
                    })
                    .failureHandler((request, response, e) ->
                            response.sendRedirect(e instanceof LockedException ? "/login?locked" : "/login?error"))
                    .permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                    .addLogoutHandler((request, response, authentication) -> {
                        if (authentication != null) attempts.loggedOut(authentication.getName(), request.getRemoteAddr());
                    }))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
            .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens)
                // a request without a session cookie has nothing for a forged request to ride on: API clients
                // (Basic on each call) need no token; a browser session always does, Authorization header or not
                .ignoringRequestMatchers(request -> request.getRequestedSessionId() == null
                        && (request.getHeader("Authorization") != null || ApiPaths.isApi(request.getRequestURI())))
                .ignoringRequestMatchers("/api/v1/benefit-calculations", "/api/v1/payment-notifications/**"))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(web, false, inline)))
                .addHeaderWriter((request, response) -> {
                    // Swagger UI styles its elements inline; its scripts are still files of our own origin
                    if (request.getRequestURI().startsWith("/swagger-ui")) {
                        response.setHeader("Content-Security-Policy", contentSecurityPolicy(web, true, inline));
                    }
                })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> {
                    if ("'self'".equals(web.frameAncestors())) frames.sameOrigin();
                    else frames.disable(); // frame-ancestors of the CSP says who may frame us
                }))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
            .addFilterAfter(gate, BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The policy: scripts and styles are files of our own origin, or one of the declared inline ones, matched by its hash
     * (a hash would switch 'unsafe-inline' off, so a page that needs inline styles gets no style hashes).
     */
    static String contentSecurityPolicy(WebProperties web, boolean inlineStyles, List<InlineResource> inline) {
        return "default-src 'self'; script-src " + InlineResource.sources(inline, InlineResource.Kind.SCRIPT) + "; style-src "
                + (inlineStyles ? "'self' 'unsafe-inline'" : InlineResource.sources(inline, InlineResource.Kind.STYLE))
                + "; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
                + web.frameAncestors();
    }

    private static boolean holds(Authentication authentication, Right right) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof CurrentUser.Holder holder && holder.currentUser().holds(right);
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
