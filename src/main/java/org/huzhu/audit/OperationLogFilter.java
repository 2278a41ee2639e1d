package org.huzhu.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.huzhu.identity.EndpointAccess;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ApiPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes the operation log row of an API request once it has been answered, inside the security
 * filter chain (after the caller is known, around the access decision, so that a change refused
 * for the caller's role is logged as a 403 too). Logged: every request other than GET, HEAD and
 * OPTIONS by a logged-in caller to an endpoint that needs a login, whatever its outcome; and any
 * request during which a service called {@link Audit#revealed}. Never a request body.
 *
 * <p>The row is written after the service's transaction has committed, in the same request and
 * thread, one insert: a crash between the two leaves a change without its row. Failing to write
 * is reported in the application log at ERROR and does not change the answer.
 */
class OperationLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OperationLogFilter.class);

    private final OperationLog operationLog;

    OperationLogFilter(OperationLog operationLog) {
        this.operationLog = operationLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AccessDeniedException refused) {
            write(request, HttpServletResponse.SC_FORBIDDEN);
            throw refused;
        }
        write(request, response.getStatus());
    }

    private void write(HttpServletRequest request, int status) {
        CurrentUser user = caller();
        if (user == null) return;
        var attributes = new ServletRequestAttributes(request);
        List<Audit.Change> changes = Audit.changes(attributes);
        List<Audit.Revealed> revealed = Audit.revealed(attributes);
        HandlerMethod endpoint = endpoint(request);
        boolean reading = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        boolean publicEndpoint = endpoint != null && EndpointAccess.required(endpoint) == Right.PUBLIC;
        boolean logged = !revealed.isEmpty() || !changes.isEmpty() || (!reading && !publicEndpoint);
        if (!logged) return;
        String pattern = (String) attribute(request, HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, EndpointAccess.ENDPOINT_PATTERN);
        try {
            operationLog.record(new OperationLog.Entry(user, request.getRemoteAddr(), request.getMethod(), request.getRequestURI(),
                    pattern, action(endpoint, request, pattern), target(request), status, changes, revealed));
        } catch (RuntimeException e) {
            log.error("operation log row not written: {} {} by {} ({}) answered {}", request.getMethod(), request.getRequestURI(),
                    user.username(), request.getRemoteAddr(), status, e);
        }
    }

    private static CurrentUser caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser.Holder holder ? holder.currentUser() : null;
    }

    private static HandlerMethod endpoint(HttpServletRequest request) {
        return attribute(request, HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, EndpointAccess.ENDPOINT) instanceof HandlerMethod method
                ? method : null;
    }

    /** What the dispatcher found, or, for a request refused before reaching it, what the access decision found. */
    private static Object attribute(HttpServletRequest request, String dispatcher, String accessDecision) {
        Object value = request.getAttribute(dispatcher);
        return value != null ? value : request.getAttribute(accessDecision);
    }

    /** The endpoint's Chinese summary up to its first qualification (（, ：, ；), else method and pattern. */
    static String action(HandlerMethod endpoint, HttpServletRequest request, String pattern) {
        Operation operation = endpoint == null ? null : AnnotatedElementUtils.findMergedAnnotation(endpoint.getMethod(), Operation.class);
        if (operation == null || operation.summary().isBlank()) {
            return request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern);
        }
        String summary = operation.summary().strip();
        int cut = summary.length();
        for (char stop : new char[] {'（', '(', '：', ':', '；', ';', '，'}) {
            int at = summary.indexOf(stop);
            if (at > 0 && at < cut) cut = at;
        }
        return summary.substring(0, cut);
    }

    /** The record the request named: its path variables ({@code id=12}), in path order. */
    @SuppressWarnings("unchecked")
    private static String target(HttpServletRequest request) {
        Object variables = attribute(request, HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, EndpointAccess.ENDPOINT_VARIABLES);
        if (!(variables instanceof Map<?, ?> map) || map.isEmpty()) return null;
        return ((Map<String, String>) map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
