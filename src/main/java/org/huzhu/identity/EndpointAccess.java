package org.huzhu.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides every API request from the right its endpoint declares ({@link Requires}) and the
 * caller's roles ({@link Right}; any of them): public endpoints for anyone, the others for the roles holding
 * the right, and an endpoint that declares nothing for nobody. A path no endpoint answers is left
 * to the web layer (404, 405) for a logged-in caller and needs a login otherwise.
 */
@Component
public class EndpointAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Logger log = LoggerFactory.getLogger(EndpointAccess.class);
    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
    /**
     * Request attributes naming the endpoint found for an API request, its path pattern and path
     * variables, kept for the operation log (which also logs requests refused here).
     */
    public static final String ENDPOINT = EndpointAccess.class.getName() + ".endpoint";
    public static final String ENDPOINT_PATTERN = EndpointAccess.class.getName() + ".pattern";
    public static final String ENDPOINT_VARIABLES = EndpointAccess.class.getName() + ".variables";

    private final ObjectProvider<RequestMappingHandlerMapping> mapping;

    EndpointAccess(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getPrincipal() instanceof CurrentUser.Holder;
        HandlerMethod endpoint = endpointOf(context.getRequest());
        if (endpoint == null) return signedIn ? GRANTED : DENIED;
        Right right = required(endpoint);
        if (right == null) {
            log.warn("endpoint {} declares no right and is refused to everybody", endpoint.getShortLogMessage());
            return DENIED;
        }
        if (right.isPublic()) return GRANTED;
        if (!signedIn) return DENIED;
        return ((CurrentUser.Holder) auth.getPrincipal()).currentUser().holds(right) ? GRANTED : DENIED;
    }

    /** The right an endpoint declares, on the method or else on its controller; null when none. */
    public static Right required(HandlerMethod endpoint) {
        Requires onMethod = AnnotatedElementUtils.findMergedAnnotation(endpoint.getMethod(), Requires.class);
        if (onMethod != null) return onMethod.value();
        Requires onType = AnnotatedElementUtils.findMergedAnnotation(endpoint.getBeanType(), Requires.class);
        return onType == null ? null : onType.value();
    }

    /** The controller method that will answer the request, found as the dispatcher will find it. */
    private HandlerMethod endpointOf(HttpServletRequest request) {
        RequestMappingHandlerMapping handlers = mapping.getIfAvailable();
        if (handlers == null) return null;
        HttpServletRequest probe = new PrivateAttributes(request);
        ServletRequestPathUtils.parseAndCache(probe);
        try {
            HandlerExecutionChain chain = handlers.getHandler(probe);
            if (chain == null || !(chain.getHandler() instanceof HandlerMethod method)) return null;
            request.setAttribute(ENDPOINT, method);
            request.setAttribute(ENDPOINT_PATTERN, probe.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
            request.setAttribute(ENDPOINT_VARIABLES, probe.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
            return method;
        } catch (Exception notAnswerable) {
            return null; // wrong method or media type: the dispatcher answers it
        }
    }

    /** Keeps the attributes the look-up sets away from the real request. */
    private static final class PrivateAttributes extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        PrivateAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (attributes.containsKey(name)) return attributes.get(name);
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(attributes.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            removed.remove(name);
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }
    }
}
