package org.huzhu.membership;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For the export benchmark: calls the members' export endpoint ({@code GET /api/v1/members.xlsx}, all rows the caller
 * sees, masked) as {@code user}, its workbook going into {@code out} as it would into the response.
 */
public final class MemberExportProbe {

    private MemberExportProbe() {
    }

    public static void export(ApplicationContext app, CurrentUser user, OutputStream out) throws IOException {
        CurrentUser.Holder principal = () -> user;
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, List.of()));
        try {
            app.getBean(MemberExport.class).export(null, null, false, new HttpServletResponseWrapper(new MockHttpServletResponse()) {
                @Override
                public ServletOutputStream getOutputStream() {
                    return new ServletOutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            out.write(b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                        }
                    };
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
