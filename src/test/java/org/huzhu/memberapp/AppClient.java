package org.huzhu.memberapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.huzhu.support.ApiTest;

/**
 * A phone's browser as the member app uses it: it keeps the cookies it is given (the session and the CSRF
 * token) and sends the token with every write, as {@code app.js} does; it follows no redirects.
 */
final class AppClient {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Function<String, URI> uri;

    AppClient(Function<String, URI> uri) {
        this(uri, null);
    }

    /**
     * A phone connecting from its own loopback address ({@code 127.0.0.x}): the sign-in failures a test makes on
     * purpose then count against that address only, never against the address the other tests share.
     */
    AppClient(Function<String, URI> uri, java.net.InetAddress from) {
        this.uri = uri;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies);
        if (from != null) builder.localAddress(from);
        this.http = builder.build();
    }

    /** An answer and, for a redirect, where it leads. */
    record Reply(ApiTest.Answer answer, String location, String retryAfter) {
        int status() {
            return answer.status();
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri.apply(path)).header("Accept", "application/json").GET());
    }

    Reply post(String path, String json) {
        return write(path, "POST", json);
    }

    Reply put(String path, String json) {
        return write(path, "PUT", json);
    }

    private Reply write(String path, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.apply(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return sendWithToken(request);
    }

    /** One part of a multipart form: a JSON part when {@code fileName} is null, else a file. */
    record Part(String name, String fileName, String contentType, byte[] content) {
        static Part json(String name, String json) {
            return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Part text(String name, String text) {
            return new Part(name, null, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String fileName, byte[] content) {
            return new Part(name, fileName, fileName.endsWith(".png") ? "image/png" : "application/octet-stream", content);
        }
    }

    /** A multipart form POSTed as a phone's browser sends it (FormData). */
    Reply postParts(String path, java.util.List<Part> parts) {
        String boundary = "----app" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\nContent-Type: " + p.contentType() + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.apply(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return sendWithToken(request);
    }

    /** Sends a write with the CSRF token the browser holds, as app.js does. */
    private Reply sendWithToken(HttpRequest.Builder request) {
        String token = csrfToken();
        if (token != null) request.header("X-XSRF-TOKEN", token);
        return send(request);
    }

    /** A download: status, content type and the bytes as sent. */
    record Download(int status, String contentType, byte[] body) {
    }

    Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri.apply(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean hasSession() {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals("SESSION"));
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(new ApiTest.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body()), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
