package org.huzhu.realname;

/**
 * The identity-verification service (实名核验), as Huzhu asks it. An implementation never throws for a
 * service that is down, slow or refuses the request: it answers {@link IdentityResult#UNAVAILABLE}, which
 * callers treat as "try again later", never as a mismatch. Arguments are passed as the worker wrote them,
 * already normalised (18-character ID number, 11-digit mobile number, card digits); never log them.
 * Shipped: {@link HttpIdentityVerifier} (docs/identity-verification.md tells how to plug in another provider).
 */
public interface IdentityVerifier {

    /** 三要素: whether the name, the resident ID number and the mobile number belong to one living person. */
    IdentityOutcome threeFactor(String name, String idNumber, String phone);

    /** 四要素 (a bank card change): the same, and whether the bank card is that person's, opened with that phone. */
    IdentityOutcome fourFactor(String name, String idNumber, String bankCard, String phone);
}
