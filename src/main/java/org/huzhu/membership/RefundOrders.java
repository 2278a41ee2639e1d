package org.huzhu.membership;

import org.huzhu.payouts.PayoutKind;
import org.huzhu.payouts.PayoutOrder;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.web.ConflictException;
import org.springframework.stereotype.Component;

/**
 * The payout order of a refund ({@code REFUND:<cancellation>}, reference {@code HZR-<cancellation>-<n>}): to the unit's
 * account kept with the cancellation, or to the member's payout account as it is now (held, as a claim's payout is, when
 * that account was changed recently).
 */
@Component
class RefundOrders {

    private final MemberRepository members;
    private final PersonalDataCipher cipher;

    RefundOrders(MemberRepository members, PersonalDataCipher cipher) {
        this.members = members;
        this.cipher = cipher;
    }

    static String reference(long cancellationId, int n) {
        return "HZR-" + cancellationId + "-" + n;
    }

    PayoutOrder order(CancellationRepository.Row c, String reference, Money amount) {
        String source = PayoutKind.REFUND_SOURCE + c.id();
        if ("UNIT".equals(c.payee().payer())) {
            return new PayoutOrder(reference, source, c.payee().name(), c.payee().bankName(), cipher.decrypt(c.payee().cipher()), amount,
                    c.orgPath());
        }
        MemberRepository.PayeeRow own = members.payee(c.memberId())
                .orElseThrow(() -> new ConflictException("memberId", "请先登记职工的收款银行账户"));
        return new PayoutOrder(reference, source, own.name(), own.bankName(), cipher.decrypt(own.accountCipher()), amount, c.orgPath(),
                own.accountChangedAt());
    }
}
