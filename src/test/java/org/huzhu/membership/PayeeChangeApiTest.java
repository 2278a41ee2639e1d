package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Who may change where a worker's benefit is paid. The worker changes their own account at once;
 * staff only propose a change, which a second person approves (maker-checker); reviewers and
 * finance may not touch it; every change is kept with old and new account masked.
 */
class PayeeChangeApiTest extends ApiTest {

    @Autowired
    private Accounts accounts;
    @Autowired
    private Organisations organisations;

    @Test
    void aReviewerCannotChangeAWorkersBankAccount() {
        long member = insuredWorker("江岸区总工会", 'M', 200, "HOSPITAL:1");
        String before = maskedAccount(member);
        String attacker = newCardNumber();

        Answer reviewer = put("demo-reviewer", "/api/v1/members/" + member + "/bank-account", change("中国银行", attacker, "核对后更正"));
        Answer finance = put("demo-finance", "/api/v1/members/" + member + "/bank-account", change("中国银行", attacker, "核对后更正"));

        assertProblem(reviewer, 403);
        assertProblem(finance, 403);
        assertThat(maskedAccount(member)).isEqualTo(before);
        assertThat(pendingChanges(member)).isZero();
    }

    @Test
    void aStaffChangeOfBankAccountWaitsForASecondPerson() {
        long member = insuredWorker("江岸区总工会", 'F', 200, "HOSPITAL:1");
        String before = maskedAccount(member);
        String card = newCardNumber();

        Answer proposed = put("demo-wuhan", "/api/v1/members/" + member + "/bank-account",
                JSON.writeValueAsString(Map.of("bankName", "中国建设银行", "accountNumber", card, "reason", "职工更换工资卡",
                        "evidence", "新卡复印件、职工签字的申请表")));

        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        assertThat(proposed.field("status")).isEqualTo("PROPOSED");
        assertThat(proposed.field("newMaskedAccount")).endsWith(card.substring(card.length() - 4));
        assertThat(proposed.body()).doesNotContain(card);
        assertThat(maskedAccount(member)).as("not before a second person approves").isEqualTo(before);
        assertProblem(put("demo-admin", "/api/v1/members/" + member + "/bank-account", change("中国银行", newCardNumber(), "再改")), 409);

        Answer approved = post("demo-admin", "/api/v1/members/" + member + "/bank-account-changes/" + proposed.json().path("id").asLong()
                + "/approve", "");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(maskedAccount(member)).isEqualTo(proposed.field("newMaskedAccount"));
        JsonNode history = get("demo-wuhan", "/api/v1/members/" + member + "/bank-account-changes").json();
        assertThat(history.get(0).path("status").asString()).isEqualTo("APPROVED");
        assertThat(history.get(0).path("proposedBy").asString()).isEqualTo("demo-wuhan");
        assertThat(history.get(0).path("decidedBy").asString()).isEqualTo("demo-admin");
        assertThat(history.get(0).path("oldMaskedAccount").asString()).isEqualTo(before);
        assertThat(history.get(0).path("reason").asString()).isEqualTo("职工更换工资卡");
        assertThat(history.get(0).path("evidence").asString()).isEqualTo("新卡复印件、职工签字的申请表");
        byte[] stored = jdbc.sql("select new_cipher from membership.bank_account_change where id = ?")
                .param(proposed.json().path("id").asLong()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(card);
    }

    @Test
    void theProposerCannotApproveTheirOwnBankAccountChange() {
        long member = insuredWorker("江岸区总工会", 'M', 200, "HOSPITAL:1");
        String before = maskedAccount(member);
        Answer proposed = put("demo-admin", "/api/v1/members/" + member + "/bank-account", change("中国银行", newCardNumber(), "职工申请"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        String approve = "/api/v1/members/" + member + "/bank-account-changes/" + proposed.json().path("id").asLong() + "/approve";

        assertProblem(post("demo-admin", approve, ""), 409);
        assertProblem(post("demo-jingmen", approve, ""), 404);
        assertProblem(post("demo-reviewer", approve, ""), 403);

        assertThat(maskedAccount(member)).isEqualTo(before);
        assertThat(pendingChanges(member)).isEqualTo(1);
    }

    @Test
    void aRejectedChangeLeavesTheAccountAsItWas() {
        long member = insuredWorker("江岸区总工会", 'M', 200, "HOSPITAL:1");
        String before = maskedAccount(member);
        Answer proposed = put("demo-admin", "/api/v1/members/" + member + "/bank-account", change("中国银行", newCardNumber(), "职工申请"));

        Answer rejected = post("demo-wuhan", "/api/v1/members/" + member + "/bank-account-changes/" + proposed.json().path("id").asLong()
                + "/reject", "");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.field("status")).isEqualTo("REJECTED");
        assertThat(maskedAccount(member)).isEqualTo(before);
    }

    @Test
    void theWorkerChangesTheirOwnAccountAtOnce() {
        long member = insuredWorker("江岸区总工会", 'F', 200, "HOSPITAL:1");
        String worker = workerAccount(member);
        String card = newCardNumber();

        Answer answer = put(worker, "/api/v1/members/" + member + "/bank-account", change("招商银行", card, null));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.field("maskedBankAccount")).endsWith(card.substring(card.length() - 4));
        assertThat(maskedAccount(member)).isEqualTo(answer.field("maskedBankAccount"));
        JsonNode history = get(worker, "/api/v1/members/" + member + "/bank-account-changes").json();
        assertThat(history.get(0).path("byMember").asBoolean()).isTrue();
        assertThat(history.get(0).path("status").asString()).isEqualTo("APPROVED");
        assertThat(history.get(0).path("proposedBy").asString()).isEqualTo(worker);
        assertThat(jdbc.sql("select bank_account_changed_at is not null from membership.member where id = ?").param(member)
                .query(Boolean.class).single()).as("a replaced account is recent").isTrue();
        long other = insuredWorker("江岸区总工会", 'M', 200, "HOSPITAL:1");
        assertProblem(put(worker, "/api/v1/members/" + other + "/bank-account", change("招商银行", newCardNumber(), null)), 404);
    }

    private static String change(String bank, String number, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("bankName", bank, "accountNumber", number));
        if (reason != null) body.put("reason", reason);
        return JSON.writeValueAsString(body);
    }

    private String maskedAccount(long member) {
        return jdbc.sql("select bank_account_masked from membership.member where id = ?").param(member).query(String.class).single();
    }

    private long pendingChanges(long member) {
        return jdbc.sql("select count(*) from membership.bank_account_change where member_id = ? and status = 'PROPOSED'").param(member)
                .query(Long.class).single();
    }

    /** A MEMBER account for the worker (password = user name). */
    private String workerAccount(long member) {
        var unitId = jdbc.sql("select unit_id from membership.member where id = ?").param(member).query(Long.class).single();
        var unit = organisations.unit(unitId).orElseThrow();
        String username = "payee-worker-" + member;
        accounts.create(new Accounts.NewAccount(username, username, "收款测试职工", Role.MEMBER, null, unitId, member, unit.path(), false));
        return username;
    }
}
