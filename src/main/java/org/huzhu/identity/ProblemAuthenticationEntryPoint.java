package org.huzhu.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 problem+json for the API (with a Basic challenge for API clients); login page for browsers. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String uri = request.getRequestURI();
        boolean api = uri.startsWith("/api/") || uri.startsWith("/actuator/");
        if (!api) {
            response.sendRedirect("/login");
            return;
        }
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Huzhu\", charset=\"UTF-8\"");
        }
        String detail = request.getHeader("Authorization") == null ? "请先登录" : "用户名或密码错误";
        ProblemWriter.write(response, 401, "未登录", detail, uri);
    }
}
