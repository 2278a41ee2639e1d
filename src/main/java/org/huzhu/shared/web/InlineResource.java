package org.huzhu.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * A script or style sheet a page carries inline because one more request would cost its reader seconds (the
 * member app's first screen on a slow phone network). Declared as a bean; the Content-Security-Policy then
 * allows exactly this text by its SHA-256 hash, and no other inline script or style.
 */
public record InlineResource(Kind kind, String text) {

    public enum Kind { SCRIPT, STYLE }

    public InlineResource {
        if (kind == null || text == null || text.isBlank()) throw new IllegalArgumentException("an inline resource needs its kind and text");
    }

    /** The CSP source expression that allows this text and nothing else, e.g. {@code 'sha256-…'}. */
    public String hashSource() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "'self'" followed by the hashes of the given kind, the sources of a script-src or style-src directive. */
    public static String sources(List<InlineResource> inline, Kind kind) {
        StringBuilder sources = new StringBuilder("'self'");
        inline.stream().filter(r -> r.kind == kind).forEach(r -> sources.append(' ').append(r.hashSource()));
        return sources.toString();
    }
}
