package org.huzhu.memberapp;

import java.util.Optional;
import org.huzhu.membership.Members;
import org.huzhu.realname.Verification;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.CardIssuers;
import org.huzhu.shared.CardIssuers.CardIssuer;
import org.huzhu.shared.CardIssuers.CardKind;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The worker adds or changes their own payout card: the number's form and check digit first, the bank from the
 * number's issuer prefix (or, for a prefix the table does not know, the bank the worker picked), then the four-element
 * check (name, ID number, card, bound phone). Only a match changes the account, through membership's worker path, so
 * that the change notice and the hold on payouts to a fresh account follow as for any change.
 */
@Component
class OwnBankCards {

    private final Members members;
    private final CardIssuers issuers;

    OwnBankCards(Members members, CardIssuers issuers) {
        this.members = members;
        this.issuers = issuers;
    }

    /** A card as typed: digits, spaces allowed; {@code bankName} only counts when the prefix is unknown. */
    record NewCard(String cardNumber, String bankName) {
    }

    /** What the check said and, on a match, the account now on file (masked). */
    record Result(Verification verification, String bankName, String maskedCard) {
    }

    /** The bank behind a card number being typed, if the table knows its prefix; a credit card is refused later. */
    Optional<CardIssuer> issuer(String cardNumber) {
        return issuers.issuer(cardNumber);
    }

    Result change(NewCard card, CurrentUser worker) {
        String digits = digits(card.cardNumber());
        String bank = bank(digits, card.bankName());
        Verification v = members.verifyOwnBankCard(worker, digits);
        if (!v.matched()) return new Result(v, null, null);
        var outcome = members.changeBankAccount(worker.memberId(), new Members.BankAccountChange(bank, digits), worker);
        return new Result(v, outcome.member().bankName(), outcome.member().maskedBankAccount());
    }

    private static String digits(String typed) {
        String digits = typed == null ? "" : typed.replace(" ", "").strip();
        if (digits.isEmpty()) throw InvalidInputException.of("cardNumber", "请输入银行卡号");
        if (!digits.matches("\\d{12,19}")) throw InvalidInputException.of("cardNumber", "银行卡号应为12至19位数字");
        if (!BankAccount.luhnValid(digits)) throw InvalidInputException.of("cardNumber", "银行卡号有误，请核对后重新输入");
        return digits;
    }

    private String bank(String digits, String picked) {
        Optional<CardIssuer> issuer = issuers.issuer(digits);
        if (issuer.isPresent()) {
            if (issuer.get().kind() != CardKind.DEBIT) {
                throw InvalidInputException.of("cardNumber", "这是一张信用卡，互助金只能发放到借记卡（储蓄卡），请换一张卡");
            }
            return issuer.get().bank();
        }
        String bank = picked == null ? "" : picked.strip();
        if (bank.isEmpty()) throw InvalidInputException.of("bankName", "未能从卡号识别开户银行，请选择开户银行");
        if (!issuers.banks().contains(bank)) throw InvalidInputException.of("bankName", "请从列表中选择开户银行");
        return bank;
    }
}
