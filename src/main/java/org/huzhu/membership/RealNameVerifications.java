package org.huzhu.membership;

import java.util.Locale;
import java.util.regex.Pattern;
import org.huzhu.realname.DocumentType;
import org.huzhu.realname.RealNameChecks;
import org.huzhu.realname.Verification;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a worker's real name comes to be verified: the worker asks the identity-verification service with the
 * name, ID number and phone on record (三要素), or staff record a counter check in person. Only a match marks the
 * member verified; a new-form worker then claims the gift cover themself ({@link GiftCovers}). The numbers are decrypted here,
 * for the question only, and leave this module for the realname module alone.
 */
@Service
class RealNameVerifications {

    private static final Pattern LAST_FOUR = Pattern.compile("[0-9A-Z]{4}");

    private final MemberRepository repository;
    private final PersonalDataCipher cipher;
    private final RealNameChecks checks;
    private final TransactionTemplate transaction;

    RealNameVerifications(MemberRepository repository, PersonalDataCipher cipher, RealNameChecks checks,
                          PlatformTransactionManager transactions) {
        this.repository = repository;
        this.cipher = cipher;
        this.checks = checks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The signed-in worker's own 三要素 check with the facts on record; nothing is changed unless it matched. The
     * service is asked outside any transaction of ours, so that no row is held while it answers.
     */
    Verification own(CurrentUser worker) {
        Member member = self(worker);
        if (member.realNameVerifiedAt() != null) throw new ConflictException("您已完成实名认证");
        String phone = boundPhone(member);
        String idNumber = cipher.decrypt(repository.idCipher(member.id()));
        Verification v = checks.verify(member.id(), member.name(), idNumber, phone, worker);
        if (v.matched()) transaction.executeWithoutResult(status -> markVerified(member));
        return v;
    }

    /**
     * The signed-in worker's 四要素 check of a payout card with the name, ID number and bound phone on record.
     * Changes nothing: the caller changes the account on a match. Asked outside any transaction of ours.
     */
    Verification ownCard(CurrentUser worker, String cardNumber) {
        Member member = self(worker);
        String phone = boundPhone(member);
        String idNumber = cipher.decrypt(repository.idCipher(member.id()));
        return checks.verifyBankCard(member.id(), member.name(), idNumber, cardNumber, phone, worker);
    }

    private Member self(CurrentUser worker) {
        return repository.find(worker.memberId() == null ? -1 : worker.memberId()).orElseThrow(() -> new NotFoundException("职工不存在"));
    }

    private String boundPhone(Member member) {
        byte[] phoneCipher = repository.contact(member.id()).map(MemberRepository.ContactRow::phoneCipher).orElse(null);
        if (phoneCipher == null) throw new ConflictException("phone", "未登记手机号码，请先绑定手机号码");
        return cipher.decrypt(phoneCipher);
    }

    /** Records the counter check and marks the (visible) member verified, in the caller's transaction. */
    void counter(Member member, Members.CounterCheck check, CurrentUser staff) {
        Checks problems = new Checks();
        DocumentType type = problems.parse("documentType", () -> documentType(check.documentType()));
        String last4 = check.documentNumberLast4() == null ? "" : check.documentNumberLast4().strip().toUpperCase(Locale.ROOT);
        problems.check(LAST_FOUR.matcher(last4).matches(), "documentNumberLast4", "请填写证件号码的后四位（数字或字母）");
        problems.throwIfInvalid();
        checks.counterCheck(member.id(), type, masked(type, last4), staff);
        markVerified(member);
    }

    /** Marks the member verified (once). No cover is granted here: the worker claims the gift cover in the app. */
    void markVerified(Member member) {
        if (!repository.markRealNameVerified(member.id())) return;
        Audit.changed("member", member.id(), "realNameVerified", false, true);
    }

    private static DocumentType documentType(String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("请选择核验的证件类型");
        try {
            return DocumentType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("证件类型不正确");
        }
    }

    /** The number as a screen masks it: an 18-character card's 14 hidden characters, else four. */
    private static String masked(DocumentType type, String last4) {
        boolean idCard = type == DocumentType.RESIDENT_ID_CARD || type == DocumentType.TEMPORARY_ID_CARD;
        return "*".repeat(idCard ? 14 : 4) + last4;
    }
}
