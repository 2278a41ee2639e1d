package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.realname.Verification;
import org.huzhu.shared.CardIssuers;
import org.huzhu.shared.CardIssuers.CardIssuer;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 我的银行卡 in the member app: the card on file (masked), the bank found from a card number as it is typed, and
 * the change itself ({@link OwnBankCards}). A card number travels only in request bodies, never in a path or query.
 */
@RestController
@RequestMapping("/api/v1/m/bank-card")
@Tag(name = "掌上办")
class BankCardController {

    static final String CONSENT = "本人同意将姓名、身份证号码、银行卡号和手机号码提交权威核验服务，用于核实银行卡为本人所有。";
    static final String HOLD = "为保障资金安全，新银行卡自变更之日起7天内暂不用于发放互助金；变更短信已发送到您的手机。";

    private final Members members;
    private final OwnBankCards cards;
    private final CardIssuers issuers;

    BankCardController(Members members, OwnBankCards cards, CardIssuers issuers) {
        this.members = members;
        this.cards = cards;
        this.issuers = issuers;
    }

    /** The card on file ({@code hasCard} false when none), the banks to pick from and what the worker agrees to. */
    record Current(boolean hasCard, String bankName, String maskedCard, List<String> banks, String consent) {
    }

    @GetMapping
    @Operation(summary = "查看本人收款银行卡（遮蔽显示）")
    @Requires(Right.OWN_BANK_CARD)
    Current current() {
        Member m = self();
        return new Current(m.maskedBankAccount() != null, m.bankName(), m.maskedBankAccount(), issuers.banks(), CONSENT);
    }

    record Typed(String cardNumber) {
    }

    /** {@code bankName} null when the prefix is unknown (the worker picks the bank); {@code debit} whether payouts can go there. */
    record Issuer(String bankName, boolean debit, String cardType) {
    }

    @PostMapping("/issuer")
    @Operation(summary = "识别银行卡的开户银行（按卡号前缀）")
    @Requires(Right.OWN_BANK_CARD)
    Issuer issuer(@RequestBody(required = false) Typed body) {
        return cards.issuer(body == null ? null : body.cardNumber())
                .map(i -> new Issuer(i.bank(), i.kind() == CardIssuers.CardKind.DEBIT, i.kind().chinese()))
                .orElse(new Issuer(null, false, null));
    }

    record Change(String cardNumber, String bankName, Boolean consent) {
    }

    /** {@code result}: MATCH, MISMATCH, DECEASED, NOT_FOUND or UNAVAILABLE; {@code changed} only on MATCH. */
    record Outcome(String result, boolean changed, String bankName, String maskedCard, String message) {
    }

    @PostMapping
    @Operation(summary = "本人变更收款银行卡：经姓名、身份证号码、银行卡号、手机号码四要素核验一致后生效")
    @Requires(Right.OWN_BANK_CARD)
    Outcome change(@RequestBody(required = false) Change body) {
        Change c = body == null ? new Change(null, null, null) : body;
        if (!Boolean.TRUE.equals(c.consent())) {
            throw InvalidInputException.of("consent", "请先阅读并同意核验说明");
        }
        OwnBankCards.Result r = cards.change(new OwnBankCards.NewCard(c.cardNumber(), c.bankName()), CurrentUser.get());
        Verification v = r.verification();
        return new Outcome(v.result().name(), v.matched(), r.bankName(), r.maskedCard(), message(v));
    }

    static String message(Verification v) {
        return switch (v.result()) {
            case MATCH -> "银行卡已更换。" + HOLD;
            case MISMATCH -> "这张银行卡与您的姓名、身份证号码或手机号码对不上，银行卡未更换。请使用本人名下、预留本手机号码的银行卡";
            case DECEASED, NOT_FOUND -> "未能核实您的身份，银行卡未更换。请携带身份证和银行卡到单位或工会窗口办理";
            case UNAVAILABLE -> "核验服务暂时不可用，银行卡未更换，请稍后再试";
        };
    }

    private Member self() {
        CurrentUser user = CurrentUser.get();
        if (user.memberId() == null) throw new NotFoundException("职工不存在");
        return members.visibleMember(user.memberId(), user);
    }
}
