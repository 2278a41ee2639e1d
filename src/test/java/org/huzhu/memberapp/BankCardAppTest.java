package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.CardIssuers;
import org.huzhu.shared.Masks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 我的银行卡 as the worker changes it in the member app, against the simulated identity-verification provider (its demo
 * rule: card 6222020200000000444 belongs to someone else): a mistyped number or an unknown bank is refused before
 * anything is asked, and only a four-element match changes the account, with the change notice written.
 */
class BankCardAppTest extends MemberAppTest {

    private static final String CARD_OF_SOMEONE_ELSE = "6222020200000000444";
    private static final String PATH = "/api/v1/m/bank-card";

    @Autowired
    CardIssuers issuers;

    @Test
    void aMatchingCardBecomesThePayoutAccountAndTheWorkerIsTold() {
        Worker w = signedIn("换卡职工");
        AppClient.Reply before = w.app().get(PATH);
        assertThat(before.status()).as(before.answer().body()).isEqualTo(200);
        assertThat(before.answer().json().path("hasCard").asBoolean()).isFalse();
        assertThat(before.answer().json().path("banks").size()).isPositive();
        String card = newCardNumber();
        String typed = card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8);

        AppClient.Reply issuer = w.app().post(PATH + "/issuer", json(Map.of("cardNumber", typed.substring(0, 9))));
        assertThat(issuer.answer().field("bankName")).isEqualTo("中国工商银行");

        AppClient.Reply changed = w.app().post(PATH, json(Map.of("cardNumber", typed, "consent", true)));

        assertThat(changed.status()).as(changed.answer().body()).isEqualTo(200);
        assertThat(changed.answer().field("result")).isEqualTo("MATCH");
        assertThat(changed.answer().json().path("changed").asBoolean()).isTrue();
        assertThat(changed.answer().field("message")).startsWith("银行卡已更换").contains("7天");
        assertThat(changed.answer().body()).doesNotContain(card);
        AppClient.Reply after = w.app().get(PATH);
        assertThat(after.answer().field("bankName")).isEqualTo("中国工商银行");
        assertThat(after.answer().field("maskedCard")).isEqualTo(Masks.accountNumber(card));
        assertThat(after.answer().body()).doesNotContain(card);
        assertThat(get("demo-admin", "/api/v1/members/" + w.id()).json().path("maskedBankAccount").asString())
                .isEqualTo(Masks.accountNumber(card));
        assertThat(noticeBodies(w.id())).as("the change notice to the bound phone").singleElement()
                .satisfies(body -> assertThat(body).contains("尾号" + card.substring(card.length() - 4)).doesNotContain(card));
        assertThat(evidence(w.id())).containsExactly("FOUR MATCH " + Masks.accountNumber(card));
    }

    @Test
    void aNumberFailingTheCheckDigitIsRefusedBeforeAnythingIsAsked() {
        Worker w = signedIn("卡号错误");
        String card = newCardNumber();
        String wrong = card.substring(0, card.length() - 1) + (char) ('0' + (card.charAt(card.length() - 1) - '0' + 1) % 10);

        Answer refused = w.app().post(PATH, json(Map.of("cardNumber", wrong, "consent", true))).answer();

        assertProblem(refused, 400);
        assertThat(fields(refused)).containsExactly("cardNumber");
        assertThat(evidence(w.id())).isEmpty();
        assertThat(w.app().get(PATH).answer().json().path("hasCard").asBoolean()).isFalse();
    }

    @Test
    void aCardOfAnUnknownBankNeedsTheBankPickedFromTheList() {
        Worker w = signedIn("未知银行");
        String card = unknownIssuerCard();

        Answer refused = w.app().post(PATH, json(Map.of("cardNumber", card, "consent", true))).answer();
        assertProblem(refused, 400);
        assertThat(fields(refused)).containsExactly("bankName");
        Answer madeUp = w.app().post(PATH, json(Map.of("cardNumber", card, "bankName", "随便银行", "consent", true))).answer();
        assertThat(fields(madeUp)).containsExactly("bankName");
        assertThat(evidence(w.id())).isEmpty();

        String picked = issuers.banks().getFirst();
        AppClient.Reply changed = w.app().post(PATH, json(Map.of("cardNumber", card, "bankName", picked, "consent", true)));
        assertThat(changed.answer().json().path("changed").asBoolean()).as(changed.answer().body()).isTrue();
        assertThat(w.app().get(PATH).answer().field("bankName")).isEqualTo(picked);
    }

    @Test
    void aCardThatIsNotTheWorkersChangesNothing() {
        Worker w = signedIn("卡不符");
        String first = newCardNumber();
        assertThat(w.app().post(PATH, json(Map.of("cardNumber", first, "consent", true))).answer().json().path("changed").asBoolean())
                .isTrue();

        AppClient.Reply asked = w.app().post(PATH, json(Map.of("cardNumber", CARD_OF_SOMEONE_ELSE, "consent", true)));

        assertThat(asked.status()).as(asked.answer().body()).isEqualTo(200);
        assertThat(asked.answer().field("result")).isEqualTo("MISMATCH");
        assertThat(asked.answer().json().path("changed").asBoolean()).isFalse();
        assertThat(asked.answer().field("message")).contains("银行卡未更换");
        assertThat(w.app().get(PATH).answer().field("maskedCard")).isEqualTo(Masks.accountNumber(first));
        assertThat(noticeBodies(w.id())).as("only the first card's notice").hasSize(1);
        assertThat(evidence(w.id())).containsExactly("FOUR MATCH " + Masks.accountNumber(first),
                "FOUR MISMATCH " + Masks.accountNumber(CARD_OF_SOMEONE_ELSE));
    }

    // ------------------------------------------------------------------ helpers

    /** A worker registered by staff who binds a fresh phone in the app and is signed in. */
    private Worker signedIn(String name) {
        return signedIn(name, newIdNumber(LocalDate.of(1991, 4, 2), 'F'), "REGULAR", MemberAppSignInTest.newPhone());
    }

    /** A Luhn-valid 19-digit number whose prefix the card-BIN table does not know. */
    private String unknownIssuerCard() {
        while (true) {
            String body = "9" + String.format("%017d", ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L));
            for (int d = 0; d <= 9; d++) {
                String number = body + d;
                if (BankAccount.luhnValid(number) && issuers.issuer(number).isEmpty()) return number;
            }
        }
    }

    /** The texts of the account-change notice written for the member. */
    private List<String> noticeBodies(long memberId) {
        return jdbc.sql("select body from notifications.message where member_id = ? and template_code = 'BANK_ACCOUNT_CHANGED' and channel = 'SMS' order by id")
                .param(memberId).query(String.class).list();
    }

    /** The four-element evidence kept: kind, result and the masked card asked with. */
    private List<String> evidence(long memberId) {
        return jdbc.sql("select kind || ' ' || result || ' ' || coalesce(card_masked, '-') from realname.verification where member_id = ? order by id")
                .param(memberId).query(String.class).list();
    }
}
