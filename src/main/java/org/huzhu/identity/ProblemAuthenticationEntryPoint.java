package org.huzhu.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.huzhu.shared.web.ApiPaths;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 problem+json for the API, login page for browsers' page requests. A Basic challenge
 * ({@code WWW-Authenticate}) goes only to API clients: a browser that got one would cache the
 * credential it is given and send it with every request, cross-site ones included.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String uri = request.getRequestURI();
        boolean api = ApiPaths.isApi(uri) || uri.startsWith("/actuator/") || uri.startsWith("/v3/api-docs");
        if (!api) {
            response.sendRedirect("/login");
            return;
        }
        if (challenged(request)) response.setHeader("WWW-Authenticate", "Basic realm=\"Huzhu\", charset=\"UTF-8\"");
        String detail = e instanceof LockedException ? e.getMessage()
                : request.getHeader("Authorization") == null ? "请先登录" : "用户名或密码错误";
        ProblemWriter.write(response, 401, "未登录", detail, uri);
    }

    /**
     * Challenged: a client that sent Basic credentials itself, or one that asks for JSON and is no
     * browser (no {@code Sec-Fetch-*} or {@code X-Requested-With} header, no text/html in Accept).
     */
    static boolean challenged(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) return true;
        boolean browser = request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("X-Requested-With") != null;
        String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept").toLowerCase(java.util.Locale.ROOT);
        boolean asksForJson = accept.contains("application/json") || accept.contains("+json");
        return !browser && asksForJson && !accept.contains("text/html");
    }
}
