package org.huzhu.shared.pdf;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Documents issued as PDF with a QR code of their public verification link {@code /verify/<token>} — the page and the
 * token the electronic cover certificate uses (32 random bytes, base64url, unguessable). Each download is one document
 * with its own number; the module that issued it ({@link Verifier} of its kind) answers the verification afresh, so a
 * notice whose bill has since been paid says so. The verification shows no personal data but masked names.
 */
@Component
public class IssuedDocuments {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** A document just issued: its number, the link its QR code carries, and when. */
    public record Issued(String number, String token, String verifyUrl, Instant issuedAt) {
    }

    /** A document as registered: what kind, about what ({@code subject}: a bill's or a unit's id), by whom, when. */
    public record Stored(String kind, String number, long subject, String issuedBy, Instant issuedAt) {
    }

    /** What the public verification shows: the document, whether what it says still holds, and a few facts. */
    public record Verification(String title, String number, Instant issuedAt, boolean valid, String verdict, List<Fact> facts) {
    }

    public record Fact(String label, String value) {
    }

    /** Answers the verification of one kind of document, read afresh from its module's data. */
    public interface Verifier {
        boolean handles(String kind);

        Optional<Verification> verify(Stored document);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<Verifier> verifiers;

    IssuedDocuments(JdbcClient jdbc, Clock clock, ObjectProvider<Verifier> verifiers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.verifiers = verifiers;
    }

    /** Registers a document of {@code kind} about {@code subject}, numbered {@code prefix}yyyyMMdd{id}; call within a request. */
    public Issued issue(String kind, String prefix, long subject, String issuedBy) {
        Instant now = clock.instant();
        String token = token();
        long id = jdbc.sql("""
                insert into shared.issued_document (kind, number, token, subject, issued_by, issued_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(kind, "pending-" + token, token, subject, issuedBy, java.sql.Timestamp.from(now)).query(Long.class).single();
        String number = prefix + DAY.format(java.time.LocalDate.ofInstant(now, clock.getZone())) + String.format("%08d", id);
        jdbc.sql("update shared.issued_document set number = ? where id = ?").params(number, id).update();
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/verify/{token}").buildAndExpand(token).toUriString();
        return new Issued(number, token, url, now);
    }

    /** The verification of the document whose QR code carries {@code token}; empty when there is none. */
    public Optional<Verification> verify(String token) {
        if (token == null || token.length() != 43) return Optional.empty();
        return jdbc.sql("select kind, number, subject, issued_by, issued_at from shared.issued_document where token = ?").param(token)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional()
                .flatMap(doc -> verifiers.orderedStream().filter(v -> v.handles(doc.kind())).findFirst()
                        .flatMap(v -> v.verify(doc)));
    }

    /** A fresh verification token: 32 random bytes, base64url without padding (43 characters). */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
