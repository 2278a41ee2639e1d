package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web edge of issue 12 (hole 7): upload limits enforced while the upload is read, CSRF for
 * every browser session, no Basic challenge to browsers, and the security headers.
 */
class WebEdgesTest extends ApiTest {

    private static final long MB = 1024 * 1024;

    // ---- uploads --------------------------------------------------------------------------

    /**
     * The document part streams on and on (1.1 GB, more than this JVM's whole 1 GB heap); the
     * answer must come back while the client is still sending, i.e. after the server read a
     * little over 10 MB of it — had it buffered the document before checking its size, it could
     * not answer before the last byte (nor hold it).
     */
    @Test
    void aDocumentAboveTenMegabytesIsRefusedBeforeItIsBuffered() throws Exception {
        long documentSize = 1100 * MB;
        AtomicLong sent = new AtomicLong();
        String boundary = "----huzhu" + UUID.randomUUID();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/claims/1/documents?kind=RECEIPT HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Basic " + basic("demo-admin") + "\r\nAccept: application/json"
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = Thread.ofPlatform().daemon().start(() -> {
                try {
                    chunk(out, ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\""
                            + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] block = new byte[(int) MB];
                    for (long n = 0; n < documentSize; n += block.length) {
                        chunk(out, block);
                        sent.addAndGet(block.length);
                    }
                } catch (IOException stoppedByTheServerOrTheTest) {
                    // the server answered and closed, or the test closed the socket
                }
            });
            String head = readHead(socket.getInputStream());
            long sentWhenAnswered = sent.get();
            socket.close();
            sender.join(10_000);

            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(sentWhenAnswered).as("bytes of the document sent when the 413 came back")
                    .isLessThan(documentSize / 4);
        }
    }

    @Test
    void aRequestAbove20MegabytesIsRefused() {
        String boundary = "----huzhu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) { // three documents of 8 MB each, every one within its own limit
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d" + i + ".pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(new byte[(int) (8 * MB)]);
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nRECEIPT\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        Answer answer = send("demo-admin", HttpRequest.newBuilder(uri("/api/v1/claims/1/documents/batch"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertProblem(answer, 413);
    }

    // ---- CSRF and the Basic challenge -----------------------------------------------------

    @Test
    void aBrowserSessionCannotSkipCsrfWithAnAuthorizationHeader() {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
        raw(browser, HttpRequest.newBuilder(uri("/login")).GET());
        HttpResponse<String> login = raw(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=demo-admin&password=" + URLEncoder.encode("demo-admin", StandardCharsets.UTF_8))));
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(cookie(cookies, "SESSION")).as("session cookie").isNotBlank();

        // a forged cross-site request rides on the session cookie; a cached Basic credential comes along
        HttpResponse<String> forged = raw(browser, HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic("demo-admin"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        // an API client: Basic and no session cookie, no token needed (past CSRF, the empty member is invalid)
        assertThat(post("demo-admin", "/api/v1/members", "{}").status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Accept: text/html,application/xhtml+xml,*/*;q=0.8", "Accept: */*",
            "Sec-Fetch-Mode: cors|Accept: application/json", "X-Requested-With: XMLHttpRequest|Accept: application/json"})
    void browsersGetNoBasicChallenge(String headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/me")).GET();
        for (String header : headers.split("\\|")) {
            String[] nameValue = header.split(": ", 2);
            request.header(nameValue[0], nameValue[1]);
        }

        HttpResponse<String> response = raw(HttpClient.newHttpClient(), request);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void apiClientsStillGetTheBasicChallenge() {
        HttpResponse<String> asksForJson = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Accept", "application/json").GET());
        HttpResponse<String> wrongPassword = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("nobody-at-all:x".getBytes(StandardCharsets.UTF_8)))
                .GET());

        assertThat(asksForJson.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }

    // ---- headers --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/login", "/js/lib.js", "/api/v1/catalogue", "/m/"})
    void responsesCarryAContentSecurityPolicy(String path) {
        HttpResponse<String> response = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri(path)).GET());

        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'self'")
                .contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }

    @Test
    void theMemberAppPageMayRunItsOwnInlineScriptAndStyleAndNothingElseInline() throws Exception {
        HttpResponse<String> response = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/m/")).GET());
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(response.body());
        java.util.regex.Matcher styles = java.util.regex.Pattern.compile("<style>(.*?)</style>", java.util.regex.Pattern.DOTALL)
                .matcher(response.body());
        assertThat(scripts.find()).as("the sign-in travels inline").isTrue();
        assertThat(styles.find()).as("the style sheet travels inline").isTrue();
        String scriptSources = csp.replaceAll(".*script-src ([^;]*);.*", "$1");
        String styleSources = csp.replaceAll(".*style-src ([^;]*);.*", "$1");
        assertThat(scriptSources.split(" ")).as("our own files and the page's one inline script").containsExactly("'self'", sha256(scripts.group(1)));
        assertThat(styleSources.split(" ")).as("our own files and the page's one inline style").containsExactly("'self'", sha256(styles.group(1)));
        assertThat(scripts.find()).as("no second inline script").isFalse();
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
    }

    // ---- helpers --------------------------------------------------------------------------

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String basic(String user) {
        return Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse(null);
    }

    private static HttpResponse<String> raw(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.version(HttpClient.Version.HTTP_1_1).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
