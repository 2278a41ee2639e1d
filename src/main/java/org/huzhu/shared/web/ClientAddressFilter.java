package org.huzhu.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address a request comes from, as the login log, the login limits and the operation log see
 * it ({@code getRemoteAddr()}). Behind a reverse proxy every request comes from the proxy; when
 * the direct peer is one of {@code huzhu.web.trusted-proxies} (exact addresses), the client is the
 * right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy. From anyone
 * else the header is ignored, so that a client cannot choose the address it is logged and limited
 * under.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ClientAddressFilter extends OncePerRequestFilter {

    private final Set<String> trustedProxies;

    ClientAddressFilter(@Value("${huzhu.web.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        chain.doFilter(client.equals(request.getRemoteAddr()) ? request : new ClientAddress(request, client), response);
    }

    String clientOf(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) return peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) continue;
            if (!trustedProxies.contains(hop)) return hop.length() > 64 ? hop.substring(0, 64) : hop;
        }
        return peer;
    }

    private static final class ClientAddress extends HttpServletRequestWrapper {
        private final String address;

        ClientAddress(HttpServletRequest request, String address) {
            super(request);
            this.address = address;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }
    }
}
