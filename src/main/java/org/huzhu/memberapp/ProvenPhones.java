package org.huzhu.memberapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * A number whose sign-in code was accepted but that is not bound yet: the browser's session remembers it (as a
 * keyed hash, never the number) for {@value #MINUTES} minutes and {@value #TRIES} tries at the name and ID
 * number, so that a worker who mistypes them need not wait for a new code. Used up, a new code is needed.
 */
@Component
class ProvenPhones {

    static final int MINUTES = 10;
    static final int TRIES = 5;
    private static final String ATTRIBUTE = ProvenPhones.class.getName();

    private final PersonalDataCipher cipher;
    private final Clock clock;

    ProvenPhones(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    record Proof(byte[] phoneHash, Instant until, int triesLeft) implements Serializable {
    }

    /** Whether the session proved this number (as {@code PhoneBindings.number} writes it) lately and has tries left. */
    boolean holds(HttpServletRequest request, String phone) {
        Proof proof = proof(request);
        return proof != null && proof.until().isAfter(clock.instant()) && MessageDigest.isEqual(proof.phoneHash(), hash(phone));
    }

    /** Remembers the number whose code was just accepted. */
    void remember(HttpServletRequest request, String phone) {
        request.getSession(true).setAttribute(ATTRIBUTE,
                new Proof(hash(phone), clock.instant().plus(Duration.ofMinutes(MINUTES)), TRIES));
    }

    /** Uses up one try at binding; the last one forgets the number. */
    void spendTry(HttpServletRequest request) {
        Proof proof = proof(request);
        if (proof == null) return;
        HttpSession session = request.getSession();
        if (proof.triesLeft() <= 1) session.removeAttribute(ATTRIBUTE);
        else session.setAttribute(ATTRIBUTE, new Proof(proof.phoneHash(), proof.until(), proof.triesLeft() - 1));
    }

    private static Proof proof(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Proof) session.getAttribute(ATTRIBUTE);
    }

    private byte[] hash(String phone) {
        return cipher.hash("proven-phone:" + phone);
    }
}
