package org.huzhu.realname;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real-name front door: asks the identity-verification service and keeps the answer as evidence, or
 * records a counter check in person. It knows members by id only: the caller (membership, the member app)
 * has found the member within the caller's scope and decides what a match changes.
 *
 * <p>A question to the service is recorded in a transaction of its own, after the answer, so that a
 * caller's rollback never erases that the provider was asked; a counter check joins the caller's
 * transaction, so that it is recorded together with what it changes.
 */
@Service
public class RealNameChecks {

    private static final Logger log = LoggerFactory.getLogger(RealNameChecks.class);

    private final IdentityVerifier verifier;
    private final VerificationRepository repository;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    RealNameChecks(IdentityVerifier verifier, VerificationRepository repository, PersonalDataCipher cipher, Clock clock,
                   PlatformTransactionManager transactions) {
        this.verifier = verifier;
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * 三要素: asks whether name, ID number and phone belong to one living person and records the answer
     * (UNAVAILABLE too). Asked by the worker themself or by staff holding {@link Right#MEMBER_VERIFY}.
     * Input of the wrong form is refused (400, each field named) before anything is asked.
     */
    public Verification verify(long memberId, String name, String idNumber, String phone, CurrentUser by) {
        mayAsk(memberId, by);
        Factors f = Factors.of(name, idNumber, phone, null, false, today());
        IdentityOutcome outcome = verifier.threeFactor(f.name(), f.idNumber().value(), f.phone());
        return record(memberId, VerificationKind.THREE, f, outcome, by);
    }

    /** 四要素 for a payout card: as {@link #verify}, with the bank card (12–19 digits, Luhn-checked). */
    public Verification verifyBankCard(long memberId, String name, String idNumber, String bankCard, String phone, CurrentUser by) {
        mayAsk(memberId, by);
        Factors f = Factors.of(name, idNumber, phone, bankCard, true, today());
        IdentityOutcome outcome = verifier.fourFactor(f.name(), f.idNumber().value(), f.card(), f.phone());
        return record(memberId, VerificationKind.FOUR, f, outcome, by);
    }

    /**
     * Records that {@code staff} (holding {@link Right#MEMBER_VERIFY}) saw the member in person with this
     * document. {@code documentNumberMasked} is the number as masked on screen (e.g. ****************1X):
     * a number with more than 8 characters showing is refused, so that no full number is kept.
     */
    @Transactional
    public Verification counterCheck(long memberId, DocumentType documentType, String documentNumberMasked, CurrentUser staff) {
        if (!staff.holds(Right.MEMBER_VERIFY)) throw new AccessDeniedException("cannot check identities at the counter");
        if (documentType == null) throw InvalidInputException.of("documentType", "请选择核验的证件类型");
        String masked = documentNumberMasked == null ? "" : documentNumberMasked.strip();
        if (masked.isEmpty() || !masked.contains("*") || masked.replace("*", "").length() > 8 || masked.length() > 40) {
            throw InvalidInputException.of("documentNumberMasked", "证件号码只记录遮蔽后的号码（如 ****************1X），不记录完整号码");
        }
        Verification v = repository.insert(new VerificationRepository.Evidence(memberId, VerificationKind.COUNTER, IdentityResult.MATCH,
                null, null, null, clock.instant(), null, null, null, null, null, null, documentType, masked, staff.username(),
                staff.accountId(), staff.role().name()));
        log.info("Member {}: counter check by {} on a {}", memberId, staff.username(), documentType);
        return v;
    }

    /** The member's latest verification of their real name that matched (三要素 or counter), if any. */
    public Optional<Verification> latestVerified(long memberId) {
        return repository.latestRealNameMatch(memberId);
    }

    /** Every question asked and counter check made for the member, newest first. */
    public List<Verification> history(long memberId) {
        return repository.ofMember(memberId);
    }

    private Verification record(long memberId, VerificationKind kind, Factors f, IdentityOutcome o, CurrentUser by) {
        String id = f.idNumber().value();
        VerificationRepository.Evidence evidence = new VerificationRepository.Evidence(memberId, kind, o.result(), o.mismatch(),
                o.requestId(), o.reason(), clock.instant(), cipher.hash("id:" + id), IdNumber.mask(id), cipher.hash(f.phone()),
                Masks.phone(f.phone()), f.card() == null ? null : cipher.hash("account:" + f.card()), Masks.accountNumber(f.card()),
                null, null, by.username(), by.accountId(), by.role().name());
        Verification v = ownTransaction.execute(status -> repository.insert(evidence));
        log.info("Member {}: {} check {} (request {})", memberId, kind, o.result(), o.requestId());
        return v;
    }

    private static void mayAsk(long memberId, CurrentUser by) {
        boolean self = by.memberId() != null && by.memberId() == memberId;
        if (!self && !by.holds(Right.MEMBER_VERIFY)) throw new AccessDeniedException("cannot verify this member's identity");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
