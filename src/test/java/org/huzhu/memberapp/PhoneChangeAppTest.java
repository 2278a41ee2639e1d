package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.membership.Members;
import org.huzhu.shared.Masks;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 更换手机号码 in the member app: the code goes to the new number, the binding moves there, the old number is kept
 * in the history and told; a number bound to another worker is refused without saying whose.
 */
class PhoneChangeAppTest extends MemberAppTest {

    @Autowired
    Members members;

    @Test
    void theCodeToTheNewNumberMovesTheBindingAndTheOldNumberIsTold() {
        Worker w = signedIn("换号职工", newIdNumber(LocalDate.of(1988, 8, 8), 'M'), "REGULAR", MemberAppSignInTest.newPhone());
        String fresh = MemberAppSignInTest.newPhone();
        assertThat(w.app().post("/api/v1/m/phone/code", json(Map.of("phone", fresh))).status()).isEqualTo(200);
        String code = TextedCodes.codeTextedTo(centre, fresh, 1);

        Answer wrong = w.app().post("/api/v1/m/phone", json(Map.of("phone", fresh, "code", code.equals("000000") ? "111111" : "000000"))).answer();
        assertProblem(wrong, 400);
        assertThat(fields(wrong)).containsExactly("code");

        AppClient.Reply changed = w.app().post("/api/v1/m/phone", json(Map.of("phone", fresh, "code", code)));

        assertThat(changed.status()).as(changed.answer().body()).isEqualTo(200);
        assertThat(changed.answer().field("maskedPhone")).isEqualTo(Masks.phone(fresh));
        assertThat(members.contact(w.id()).orElseThrow().phone()).isEqualTo(fresh);
        assertThat(members.contact(w.id()).orElseThrow().formerPhones()).containsExactly(w.phone());
        assertThat(notices(w.id())).as("one text, to the old number").containsExactly(Masks.phone(w.phone()));

        testClock.advance(Duration.ofSeconds(61));
        AppClient fresher = new AppClient(this::uri);
        assertThat(fresher.post("/api/v1/m/sign-in/code", json(Map.of("phone", fresh))).status()).isEqualTo(200);
        AppClient.Reply signIn = fresher.post("/api/v1/m/sign-in", json(Map.of("phone", fresh, "code", TextedCodes.codeTextedTo(centre, fresh, 2))));
        assertThat(signIn.answer().field("next")).as("the new number signs in").isEqualTo("HOME");
    }

    @Test
    void aNumberBoundToAnotherWorkerIsRefused() {
        Worker other = signedIn("已绑定者", newIdNumber(LocalDate.of(1980, 1, 1), 'F'), "REGULAR", MemberAppSignInTest.newPhone());
        Worker w = signedIn("想换号", newIdNumber(LocalDate.of(1982, 2, 2), 'F'), "REGULAR", MemberAppSignInTest.newPhone());
        testClock.advance(Duration.ofSeconds(61));
        assertThat(w.app().post("/api/v1/m/phone/code", json(Map.of("phone", other.phone()))).status()).isEqualTo(200);
        String code = TextedCodes.codeTextedTo(centre, other.phone(), 2);

        Answer refused = w.app().post("/api/v1/m/phone", json(Map.of("phone", other.phone(), "code", code))).answer();

        assertProblem(refused, 409);
        assertThat(fields(refused)).containsExactly("phone");
        assertThat(refused.body()).doesNotContain(other.name());
        assertThat(members.contact(w.id()).orElseThrow().phone()).isEqualTo(w.phone());
        assertThat(notices(w.id())).isEmpty();
    }

    private List<String> notices(long memberId) {
        return jdbc.sql("select phone_masked from notifications.message where member_id = ? and template_code = 'PHONE_CHANGED' order by id")
                .param(memberId).query(String.class).list();
    }
}
