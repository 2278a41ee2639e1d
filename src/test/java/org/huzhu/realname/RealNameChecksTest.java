package org.huzhu.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.realname.simulator.SimulatedIdentityProvider;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real-name front door on the running application, asking the simulated provider (rules for the demo's
 * people in application-demo.yaml): every answer is kept as evidence, with numbers as keyed hashes and
 * masks only; only matches of three factors or at the counter verify a real name.
 */
class RealNameChecksTest extends ApiTest {

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final String DECEASED = "420102195001019918";
    private static final String NOT_FOUND = "420102195001019934";
    private static final String UNAVAILABLE = "420102195001019977";
    private static final String SIM_OF_SOMEONE_ELSE = "13900000444";
    private static final String LOST_CARD = "6222020200000000444";

    @Autowired
    RealNameChecks checks;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    SimulatedIdentityProvider provider;
    @Autowired
    PlatformTransactionManager transactions;

    record Worker(long memberId, String idNumber, String phone, CurrentUser self) {
    }

    @Test
    void aMatchIsKeptAsEvidenceWithHashesAndMasksOnly() {
        Worker w = newWorker();
        Verification v = checks.verify(w.memberId(), "实名测试", w.idNumber(), w.phone(), w.self());
        assertThat(v.result()).isEqualTo(IdentityResult.MATCH);
        assertThat(v.kind()).isEqualTo(VerificationKind.THREE);
        assertThat(v.requestId()).startsWith("SIM-");
        assertThat(v.idMasked()).isEqualTo("****************" + w.idNumber().substring(16));
        assertThat(v.phoneMasked()).isEqualTo(w.phone().substring(0, 3) + "****" + w.phone().substring(7));
        assertThat(v.askedBy()).isEqualTo(w.self().username());
        assertThat(checks.latestVerified(w.memberId())).contains(v);

        // the hidden middle of the phone (four digits) is looked for in every column but the keyed hashes, the ids and the
        // time, which are checked above or hold digits of their own: the hashes' hex held 6000 by chance once, a failure
        // on a clean-clone run that said nothing about the row
        Map<String, Object> row = jdbc.sql("select id_hash, phone_hash, card_hash, row_to_json(v)::text as everything, (to_jsonb(v) - 'id_hash'"
                        + " - 'phone_hash' - 'card_hash' - 'id' - 'member_id' - 'request_id' - 'checked_at' - 'asked_by' - 'asked_by_account')::text"
                        + " as clear from realname.verification v where id = ?")
                .param(v.id()).query().singleRow();
        assertThat((byte[]) row.get("id_hash")).isEqualTo(cipher.hash("id:" + w.idNumber()));
        assertThat((byte[]) row.get("phone_hash")).isEqualTo(cipher.hash(w.phone()));
        assertThat(row.get("card_hash")).isNull();
        assertThat((String) row.get("everything")).doesNotContain(w.idNumber().substring(0, 16)).doesNotContain(w.phone());
        assertThat((String) row.get("clear")).contains("\"phone_masked\"").doesNotContain(w.phone().substring(3, 7));
    }

    @Test
    void answersThatAreNotAMatchAreKeptAndVerifyNothing() {
        Worker w = newWorker();
        Verification deceased = checks.verify(w.memberId(), "实名测试", DECEASED, w.phone(), w.self());
        Verification notFound = checks.verify(w.memberId(), "实名测试", NOT_FOUND, w.phone(), w.self());
        Verification otherSim = checks.verify(w.memberId(), "实名测试", w.idNumber(), SIM_OF_SOMEONE_ELSE, w.self());
        Verification down = checks.verify(w.memberId(), "实名测试", UNAVAILABLE, w.phone(), w.self());

        assertThat(deceased.result()).isEqualTo(IdentityResult.DECEASED);
        assertThat(deceased.message()).isEqualTo("身份证对应人员已死亡");
        assertThat(notFound.result()).isEqualTo(IdentityResult.NOT_FOUND);
        assertThat(otherSim.result()).isEqualTo(IdentityResult.MISMATCH);
        assertThat(otherSim.mismatch()).isEqualTo(IdentityElement.PHONE);
        assertThat(otherSim.message()).isEqualTo("手机号码与身份信息不一致");
        assertThat(down.result()).isEqualTo(IdentityResult.UNAVAILABLE);
        assertThat(down.requestId()).isNull();
        assertThat(down.unavailableReason()).contains("HTTP 503");
        assertThat(checks.history(w.memberId())).containsExactly(down, otherSim, notFound, deceased);
        assertThat(checks.latestVerified(w.memberId())).isEmpty();
    }

    @Test
    void aBankCardCheckKeepsTheCardAsAHashAndDoesNotVerifyTheRealName() {
        Worker w = newWorker();
        String card = newCardNumber();
        Verification matched = checks.verifyBankCard(w.memberId(), "实名测试", w.idNumber(), card, w.phone(), w.self());
        Verification lost = checks.verifyBankCard(w.memberId(), "实名测试", w.idNumber(), LOST_CARD, w.phone(), w.self());

        assertThat(matched.kind()).isEqualTo(VerificationKind.FOUR);
        assertThat(matched.result()).isEqualTo(IdentityResult.MATCH);
        assertThat(matched.cardMasked()).isEqualTo(card.substring(0, 4) + " **** **** " + card.substring(card.length() - 4));
        assertThat(lost.mismatch()).isEqualTo(IdentityElement.CARD);
        assertThat(jdbc.sql("select card_hash from realname.verification where id = ?").param(matched.id()).query(byte[].class).single())
                .isEqualTo(cipher.hash("account:" + card));
        assertThat(jdbc.sql("select count(*) from realname.verification v where member_id = ? and row_to_json(v)::text like ?")
                .params(w.memberId(), "%" + card.substring(4, 15) + "%").query(Long.class).single()).isZero();
        assertThat(checks.latestVerified(w.memberId())).isEmpty();
    }

    @Test
    void aCounterCheckRecordsWhoCheckedAndWhichDocumentTheySaw() {
        Worker w = newWorker();
        CurrentUser wuhan = staff("demo-wuhan", Role.UNION_STAFF);
        Verification v = checks.counterCheck(w.memberId(), DocumentType.HOUSEHOLD_REGISTER, "****************" + w.idNumber().substring(16), wuhan);

        assertThat(v.kind()).isEqualTo(VerificationKind.COUNTER);
        assertThat(v.result()).isEqualTo(IdentityResult.MATCH);
        assertThat(v.documentType().chinese()).isEqualTo("户口簿");
        assertThat(v.askedBy()).isEqualTo("demo-wuhan");
        assertThat(checks.latestVerified(w.memberId())).contains(v);
        assertThat(jdbc.sql("select asked_by_account from realname.verification where id = ?").param(v.id()).query(Long.class).single())
                .isEqualTo(wuhan.accountId());
    }

    @Test
    void aCounterCheckNeedsTheRightAndKeepsNoFullNumber() {
        Worker w = newWorker();
        assertThatThrownBy(() -> checks.counterCheck(w.memberId(), DocumentType.RESIDENT_ID_CARD, "****************12", w.self()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checks.counterCheck(w.memberId(), DocumentType.RESIDENT_ID_CARD, "****************12",
                staff("demo-reviewer", Role.REVIEWER))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checks.counterCheck(w.memberId(), DocumentType.RESIDENT_ID_CARD, w.idNumber(), staff("demo-admin", Role.ADMIN)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("documentNumberMasked"));
        assertThat(checks.history(w.memberId())).isEmpty();
    }

    @Test
    void malformedInputIsRefusedBeforeAnythingIsAsked() {
        Worker w = newWorker();
        long answered = provider.answered();
        String badCheck = w.idNumber().substring(0, 17) + (w.idNumber().charAt(17) == '1' ? '2' : '1');
        assertThatThrownBy(() -> checks.verify(w.memberId(), " ", badCheck, "1234", w.self()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactly("name", "idNumber", "phone"));
        assertThatThrownBy(() -> checks.verifyBankCard(w.memberId(), "实名测试", w.idNumber(), "6222020200000000441", w.phone(), w.self()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.message())
                        .containsExactly("银行卡号校验位错误，请核对卡号"));
        assertThat(provider.answered()).isEqualTo(answered);
        assertThat(checks.history(w.memberId())).isEmpty();
    }

    @Test
    void onlyTheWorkerThemselfOrStaffWithTheRightMayAsk() {
        Worker w = newWorker();
        Worker other = newWorker();
        assertThatThrownBy(() -> checks.verify(w.memberId(), "实名测试", w.idNumber(), w.phone(), other.self()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checks.verify(w.memberId(), "实名测试", w.idNumber(), w.phone(), staff("demo-finance", Role.FINANCE)))
                .isInstanceOf(AccessDeniedException.class);
        Verification byStaff = checks.verify(w.memberId(), "实名测试", w.idNumber(), w.phone(), staff("demo-wuhan", Role.UNION_STAFF));
        assertThat(byStaff.askedBy()).isEqualTo("demo-wuhan");
        assertThat(checks.history(w.memberId())).containsExactly(byStaff);
    }

    @Test
    void theEvidenceOutlivesTheCallersRollbackAndCannotBeChanged() {
        Worker w = newWorker();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            checks.verify(w.memberId(), "实名测试", w.idNumber(), w.phone(), w.self());
            status.setRollbackOnly();
        });
        Verification kept = checks.latestVerified(w.memberId()).orElseThrow();
        assertThatThrownBy(() -> jdbc.sql("update realname.verification set result = 'MISMATCH' where id = ?").param(kept.id()).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from realname.verification where id = ?").param(kept.id()).update())
                .rootCause().hasMessageContaining("append-only");
    }

    private Worker newWorker() {
        String phone = "1366000" + String.format("%04d", PHONES.incrementAndGet());
        String idNumber = newIdNumber(java.time.LocalDate.of(1990, 2, 3), 'M');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "实名测试", "idNumber", idNumber,
                "phone", phone, "employmentForm", "NEW_FORM", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        return new Worker(member, idNumber, phone, new CurrentUser(0, "worker-" + member, Role.MEMBER, "/", null, null, member));
    }

    private CurrentUser staff(String username, Role role) {
        long account = jdbc.sql("select id from identity.account where username = ?").param(username).query(Long.class).single();
        return new CurrentUser(account, username, role, "/", null, null, null, java.util.Set.copyOf(List.of(role)));
    }
}
