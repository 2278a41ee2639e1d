package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.notifications.triggers.CoverReminders;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Renewal without a gap, the unit's renewal proposal, the expiring and lapsed lists, and the reminders around them. */
class RenewalApiTest extends ApiTest {

    private static final String COUNTY = "武昌区总工会";

    @Autowired
    CoverReminders coverReminders;

    @Test
    void aProposalPostedWithoutAContentTypeIsRefusedInChineseNamingWhatItTakes() {
        long unit = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        Answer bare = send("demo-unit", java.net.http.HttpRequest.newBuilder(uri("/api/v1/units/" + unit + "/renewals"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(bare.status()).isEqualTo(415);
        assertThat(bare.json().path("detail").asString()).startsWith("请求缺少内容类型（Content-Type），应为 ").contains("multipart/form-data")
                .doesNotContain("null");
    }

    @Test
    void anOnTimeRenewalPaidBeforeTheOldCoverEndsStartsTheDayAfterItWithoutAWaitingPeriod() {
        long unit = newUnit(COUNTY);
        long member = member(unit, 'F');
        LocalDate oldTo = coverTo(enrolItems(unit, member, today().minusDays(350), "HOSPITAL:1", "CRITICAL_ILLNESS:1"));

        JsonNode renewed = enrolment(enrolItems(unit, member, today(), "HOSPITAL:1", "CRITICAL_ILLNESS:1"));

        assertThat(renewed.path("coverages")).hasSize(2).allSatisfy(c -> {
            assertThat(c.path("from").asString()).isEqualTo(oldTo.plusDays(1).toString());
            assertThat(c.path("to").asString()).isEqualTo(oldTo.plusYears(1).toString());
            assertThat(c.path("renewedWithoutGap").asBoolean()).as("no waiting period").isTrue();
        });
        assertThat(renewed.path("paidOn").asString()).isEqualTo(today().toString());
    }

    @Test
    void anEarlySecondPaymentInsideTheWindowChainsInsteadOfOverlappingButAThirdIsAConflict() {
        long unit = newUnit(COUNTY);
        long member = member(unit, 'M');
        LocalDate oldTo = coverTo(enrolItems(unit, member, today().minusDays(337), "ACCIDENT:2"));   // ends in 28 days

        JsonNode second = enrolment(enrolItems(unit, member, today(), "ACCIDENT:2"));
        Answer third = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", member,
                "items", List.of(Map.of("item", "ACCIDENT", "shares", 2)), "paidOn", today().toString())));

        assertThat(second.path("coverages").get(0).path("from").asString()).isEqualTo(oldTo.plusDays(1).toString());
        assertProblem(third, 409);
        assertThat(get("demo-admin", "/api/v1/members/" + member + "/enrolments").json()).hasSize(2);
    }

    @Test
    void aFirstEnrolmentStillStartsTheDayAfterPayment() {
        long unit = newUnit(COUNTY);
        long member = member(unit, 'M');

        JsonNode first = enrolment(enrolItems(unit, member, today().minusDays(3), "HOSPITAL:1"));

        assertThat(first.path("coverages").get(0).path("from").asString()).isEqualTo(today().minusDays(2).toString());
        assertThat(first.path("coverages").get(0).path("renewedWithoutGap").asBoolean()).isFalse();
    }

    @Test
    void aRenewalAwaitingPaymentIsChainedWhenItsBillIsPaidBeforeTheOldCoverEnds() {
        long unit = newUnit(COUNTY);
        long member = member(unit, 'M');
        LocalDate oldTo = coverTo(enrolItems(unit, member, today().minusDays(340), "HOSPITAL:1"));
        Answer awaiting = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", member,
                "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)))));
        assertThat(awaiting.status()).as(awaiting.body()).isEqualTo(201);
        long bill = awaiting.json().path("billId").asLong();

        Answer paid = post("demo-finance", "/api/v1/bills/" + bill + "/payments", JSON.writeValueAsString(Map.of(
                "amount", "100.00", "paidOn", today().toString(), "reference", "续保" + bill)));

        assertThat(paid.status()).as(paid.body()).isBetween(200, 201);
        JsonNode renewed = enrolment(awaiting.json().path("id").asLong());
        assertThat(renewed.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(renewed.path("coverages").get(0).path("from").asString()).isEqualTo(oldTo.plusDays(1).toString());
        assertThat(renewed.path("coverages").get(0).path("renewedWithoutGap").asBoolean()).isTrue();
    }

    @Test
    void theProposalLeavesLeaversOutAndTakesNewcomersAndShareChangesFromTheRoster() {
        long unit = newUnit(COUNTY);
        long stays = member(unit, 'M');
        long changes = member(unit, 'F');
        long leaves = member(unit, 'M');
        for (long m : List.of(stays, changes, leaves)) enrolItems(unit, m, today().minusDays(350), "HOSPITAL:1");
        jdbc.sql("update membership.member set left_unit_on = ? where id = ?").params(today().minusDays(20), leaves).update();
        String changedId = idNumberOf(changes);
        String newcomerId = newIdNumber(LocalDate.of(1992, 4, 4), 'F');
        byte[] roster = ("姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\r\n"
                + "调整女工," + changedId + ",,REGULAR,HOSPITAL,2,\r\n"
                + "新来女工," + newcomerId + ",,REGULAR,HOSPITAL+ACCIDENT,1,\r\n").getBytes(StandardCharsets.UTF_8);

        JsonNode proposal = propose(unit, roster);
        List<JsonNode> lines = lines(proposal.path("id").asLong(), "");

        assertThat(line(lines, stays).path("included").asBoolean()).isTrue();
        assertThat(line(lines, stays).path("sourceName").asString()).isEqualTo("上年名单");
        assertThat(line(lines, leaves).path("included").asBoolean()).isFalse();
        assertThat(line(lines, leaves).path("reason").asString()).contains("离开本单位");
        assertThat(line(lines, changes).path("included").asBoolean()).isTrue();
        assertThat(line(lines, changes).path("reason").asString()).contains("花名册调整");
        assertThat(line(lines, changes).path("premium").asString()).isEqualTo("200.00");
        JsonNode newcomer = lines.stream().filter(l -> l.path("name").asString().equals("新来女工")).findFirst().orElseThrow();
        assertThat(newcomer.path("included").asBoolean()).isTrue();
        assertThat(newcomer.path("source").asString()).isEqualTo("ROSTER");
        assertThat(newcomer.path("premium").asString()).isEqualTo("130.00");
        assertThat(proposal.path("included").asInt()).isEqualTo(3);
        assertThat(proposal.path("excluded").asInt()).isEqualTo(1);
        assertThat(proposal.path("premium").asString()).isEqualTo("430.00");
        assertThat(proposal.path("statusName").asString()).isEqualTo("待确认");
    }

    @Test
    void theProposalRenewsOnlyItemsEndingInTheWindowNotRenewedYetAtThisYearsPriceAndListsTheGoneOut() {
        long unit = newUnit(COUNTY);
        long elsewhere = newUnit(COUNTY);
        long twoItems = member(unit, 'M');
        long renewedAlready = member(unit, 'M');
        long awaitingAlready = member(unit, 'F');
        long died = member(unit, 'M');
        long moved = member(unit, 'F');
        for (long m : List.of(twoItems, renewedAlready, awaitingAlready, died, moved)) enrolItems(unit, m, today().minusDays(350), "HOSPITAL:2");
        enrolItems(unit, twoItems, today().minusDays(100), "ACCIDENT:1");                 // ends in 265 days: not this renewal's
        enrolItems(unit, renewedAlready, today(), "HOSPITAL:2");                           // chained already, paid
        Answer awaiting = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", awaitingAlready,
                "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)))));
        assertThat(awaiting.field("status")).isEqualTo("AWAITING_PAYMENT");
        jdbc.sql("update membership.member set died_on = ? where id = ?").params(today().minusDays(3), died).update();
        jdbc.sql("update membership.member set unit_id = ? where id = ?").params(elsewhere, moved).update();

        JsonNode proposal = propose(unit, null);
        List<JsonNode> lines = lines(proposal.path("id").asLong(), "");

        assertThat(lines).extracting(l -> l.path("memberId").asLong()).containsExactly(twoItems, died, moved);
        assertThat(lines).extracting(l -> l.path("lineNo").asInt()).containsExactly(1, 2, 3);
        JsonNode renews = line(lines, twoItems);
        assertThat(renews.path("included").asBoolean()).isTrue();
        assertThat(renews.path("items").asString()).isEqualTo("住院医疗互助保障 2份");
        assertThat(renews.path("premium").asString()).as("this year's price of the plan times the shares").isEqualTo("200.00");
        assertThat(renews.path("coverTo").asString()).isEqualTo(today().minusDays(350).plusYears(1).toString());
        assertThat(line(lines, died).path("included").asBoolean()).isFalse();
        assertThat(line(lines, died).path("reason").asString()).contains("身故");
        assertThat(line(lines, moved).path("included").asBoolean()).isFalse();
        assertThat(line(lines, moved).path("reason").asString()).contains("离开本单位");
        assertThat(proposal.path("included").asInt()).isEqualTo(1);
        assertThat(proposal.path("premium").asString()).isEqualTo("200.00");
    }

    @Test
    void aNewcomerTheRosterNamesTwiceIsRegisteredAndCoveredOnceAndTheRepeatedRowIsSetOut() {
        long unit = newUnit(COUNTY);
        long stays = member(unit, 'M');
        enrolItems(unit, stays, today().minusDays(350), "HOSPITAL:1");
        String twiceId = newIdNumber(LocalDate.of(1990, 3, 3), 'M');
        byte[] roster = ("姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\r\n"
                + "两行新人," + twiceId + ",,REGULAR,HOSPITAL,1,\r\n"
                + "两行新人," + twiceId + ",,REGULAR,HOSPITAL,1,\r\n").getBytes(StandardCharsets.UTF_8);
        long id = propose(unit, roster).path("id").asLong();

        Answer confirmed = post("demo-admin", "/api/v1/renewals/" + id + "/confirm", "");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        long bill = confirmed.json().path("billId").asLong();
        List<Long> billed = jdbc.sql("select member_id from membership.enrolment where bill_id = ?").param(bill).query(Long.class).list();
        assertThat(billed).as("each worker billed once for the item").doesNotHaveDuplicates().hasSize(2).contains(stays);
        List<JsonNode> twice = lines(id, "").stream().filter(l -> l.path("name").asString().equals("两行新人")).toList();
        assertThat(twice).hasSize(2);
        assertThat(twice).filteredOn(l -> !l.path("included").asBoolean()).singleElement()
                .satisfies(l -> assertThat(l.path("reason").asString()).contains("花名册中重复"));
        assertThat(get("demo-admin", "/api/v1/bills/" + bill).json().path("amountDue").asString()).isEqualTo("200.00");
    }

    @Test
    void aWorkerTheRosterNamesAgainFarDownIsSetOutAndIfPutBackIsStillBilledOnceAtConfirm() {
        long unit = newUnit(COUNTY);
        StringBuilder roster = new StringBuilder("姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\r\n");
        String first = null;
        for (int i = 0; i < 5_001; i++) {   // the proposal reads and confirm plans in chunks of 5,000: the repeat is in the next
            String id = newIdNumber(LocalDate.of(1987, 11, 24), i % 2 == 0 ? 'M' : 'F');
            if (first == null) first = id;
            roster.append("大批新人").append(i).append(',').append(id).append(",,REGULAR,HOSPITAL,1,\r\n");
        }
        roster.append("大批新人0,").append(first).append(",,REGULAR,HOSPITAL,1,\r\n");
        JsonNode proposal = propose(unit, roster.toString().getBytes(StandardCharsets.UTF_8));
        long id = proposal.path("id").asLong();
        assertThat(proposal.path("included").asInt()).as(proposal.toString()).isEqualTo(5_001);
        JsonNode repeat = lines(id, "&included=false").stream().filter(l -> l.path("name").asString().equals("大批新人0"))
                .findFirst().orElseThrow(() -> new AssertionError("the repeated row is not set out: " + proposal));
        assertThat(repeat.path("lineNo").asInt()).isGreaterThan(5_000);
        assertThat(repeat.path("reason").asString()).contains("花名册中重复");
        Answer putBack = put("demo-admin", "/api/v1/renewals/" + id + "/lines/" + repeat.path("lineNo").asInt(),
                JSON.writeValueAsString(Map.of("included", true)));
        assertThat(putBack.status()).as("the operator puts the repeated row back: " + putBack.body()).isEqualTo(200);

        Answer confirmed = post("demo-admin", "/api/v1/renewals/" + id + "/confirm", "");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        long bill = confirmed.json().path("billId").asLong();
        long member = repeat.path("memberId").asLong();
        assertThat(jdbc.sql("select count(*) from membership.enrolment where bill_id = ? and member_id = ?").params(bill, member)
                .query(Long.class).single()).as("billed once although on two included lines").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from membership.enrolment where bill_id = ?").param(bill).query(Long.class).single())
                .isEqualTo(5_001);
        JsonNode setOut = lines(id, "&included=false").stream().filter(l -> l.path("lineNo").asInt() == repeat.path("lineNo").asInt())
                .findFirst().orElseThrow(() -> new AssertionError("the later line is not set out"));
        assertThat(setOut.path("reason").asString()).startsWith("确认时未通过");
        assertThat(get("demo-admin", "/api/v1/bills/" + bill).json().path("amountDue").asString()).isEqualTo("500100.00");
    }

    @Test
    void confirmBillsTheReviewedProposalOnceAndChainsItsCover() {
        long unit = newUnit(COUNTY);
        long a = member(unit, 'M');
        long b = member(unit, 'M');
        LocalDate oldTo = coverTo(enrolItems(unit, a, today().minusDays(350), "HOSPITAL:1"));
        enrolItems(unit, b, today().minusDays(350), "HOSPITAL:1");
        long id = propose(unit, null).path("id").asLong();
        Answer removed = put("demo-admin", "/api/v1/renewals/" + id + "/lines/" + line(lines(id, ""), b).path("lineNo").asInt(),
                JSON.writeValueAsString(Map.of("included", false, "reason", "本人放弃续保")));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        Answer first = post("demo-admin", "/api/v1/renewals/" + id + "/confirm", "");
        Answer second = post("demo-admin", "/api/v1/renewals/" + id + "/confirm", "");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        long bill = first.json().path("billId").asLong();
        assertThat(second.json().path("billId").asLong()).isEqualTo(bill);
        assertThat(jdbc.sql("select count(*) from contributions.bill where batch_kind = 'RENEWAL' and batch_id = ?").param(id)
                .query(Long.class).single()).as("one bill").isEqualTo(1);
        assertThat(jdbc.sql("select member_id from membership.enrolment where bill_id = ?").param(bill).query(Long.class).list())
                .as("the removed line is not billed").containsExactly(a);
        JsonNode billView = get("demo-admin", "/api/v1/bills/" + bill).json();
        assertThat(billView.path("amountDue").asString()).isEqualTo("100.00");
        assertProblem(put("demo-admin", "/api/v1/renewals/" + id + "/lines/1", JSON.writeValueAsString(Map.of("included", true))), 409);

        Answer paid = post("demo-finance", "/api/v1/bills/" + bill + "/payments", JSON.writeValueAsString(Map.of(
                "amount", billView.path("outstanding").asString(), "paidOn", today().toString(), "reference", "续保" + bill)));
        assertThat(paid.status()).as(paid.body()).isBetween(200, 201);
        JsonNode cover = get("demo-admin", "/api/v1/members/" + a + "/enrolments").json().get(1).path("coverages").get(0);
        assertThat(cover.path("from").asString()).isEqualTo(oldTo.plusDays(1).toString());
    }

    @Test
    void expiringAndLapsedListsKeepToTheCallersScope() {
        long unit = newUnit(COUNTY);
        long expiring = member(unit, 'M');
        long lapsed = member(unit, 'F');
        long renewed = member(unit, 'M');
        enrolItems(unit, expiring, today().minusDays(350), "HOSPITAL:1");
        enrolItems(unit, lapsed, today().minusDays(380), "ACCIDENT:1");
        enrolItems(unit, renewed, today().minusDays(350), "HOSPITAL:1");
        enrolItems(unit, renewed, today(), "HOSPITAL:1");

        JsonNode soon = get("demo-wuhan", "/api/v1/cover/expiring?unitId=" + unit).json();
        JsonNode gone = get("demo-admin", "/api/v1/cover/lapsed?unitId=" + unit).json();
        JsonNode office = get("demo-wuhan", "/api/v1/cover/expiring?item=HOSPITAL&limit=500&orgId=" + organisationIdsByName().get(COUNTY)).json();

        assertThat(members(soon)).containsExactly(expiring);
        assertThat(soon.path("total").asLong()).isEqualTo(1);
        assertThat(soon.path("byItem").path("HOSPITAL").asLong()).isEqualTo(1);
        assertThat(members(gone)).containsExactly(lapsed);
        assertThat(members(office)).contains(expiring).doesNotContain(renewed, lapsed);
        assertProblem(get("demo-jingmen", "/api/v1/cover/expiring?unitId=" + unit), 404);
        assertProblem(get("demo-jingmen", "/api/v1/cover/lapsed?orgId=" + organisationIdsByName().get(COUNTY)), 404);
        assertThat(members(get("demo-jingmen", "/api/v1/cover/expiring").json())).doesNotContain(expiring);
        assertThat(members(get("demo-unit", "/api/v1/cover/expiring").json())).doesNotContain(expiring);
        assertProblem(get("demo-unit", "/api/v1/cover/expiring?unitId=" + unit), 404);
    }

    /**
     * A death recorded while a renewal is chained to the cover in force: the cover running ends on the day of death, what
     * awaited payment is cancelled (no money moved; nobody texts the deceased), the paid renewal that had not started can
     * be cancelled for a full refund and the unit's operators are told so, and the expiring lists leave the worker out.
     */
    @Test
    void aDeathEndsTheCoverCancelsTheUnpaidAndLeavesThePaidRenewalToBeRefunded() {
        long unit = newUnit(COUNTY);
        String operator = "death-op-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Answer account = post("demo-admin", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", operator,
                "displayName", "身故通知经办人", "role", "UNIT_OPERATOR", "unitId", unit)));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        long dies = member(unit, 'M');
        long stays = member(unit, 'F');
        LocalDate oldTo = coverTo(enrolItems(unit, dies, today().minusDays(340), "HOSPITAL:1"));
        enrolItems(unit, stays, today().minusDays(340), "HOSPITAL:1");
        long renewal = enrolItems(unit, dies, today(), "HOSPITAL:1");
        assertThat(get("demo-admin", "/api/v1/enrolments/" + renewal).json().path("coverages").get(0).path("from").asString())
                .isEqualTo(oldTo.plusDays(1).toString());
        Answer awaiting = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", dies,
                "items", List.of(Map.of("item", "ACCIDENT", "shares", 1)))));
        assertThat(awaiting.field("status")).isEqualTo("AWAITING_PAYMENT");
        LocalDate diedOn = today().minusDays(1);

        Answer recorded = post("demo-admin", "/api/v1/members/" + dies + "/death",
                JSON.writeValueAsString(Map.of("diedOn", diedOn.toString(), "documentRef", "死亡医学证明 H420100777")));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(get("demo-admin", "/api/v1/enrolments/" + awaiting.json().path("id").asLong()).json().path("status").asString())
                .isEqualTo("CANCELLED");
        JsonNode preview = get("demo-admin", "/api/v1/enrolments/" + renewal + "/cancellation-preview").json();
        assertThat(preview.path("allowed").asBoolean()).as(preview.toString()).isTrue();
        assertThat(preview.path("stage").asString()).isEqualTo("BEFORE_COVER");
        assertThat(preview.path("toPayer").asString()).isEqualTo("100.00");
        List<String> told = jdbc.sql("""
                select m.body from notifications.message m join identity.account a on a.id = m.account_id
                 where a.username = ? and m.template_code = 'DEATH_COVER_NOT_STARTED_UNIT'""").param(operator).query(String.class).list();
        assertThat(told).singleElement().satisfies(t -> assertThat(t).contains("住院", "尚未开始", "退保")
                .contains(oldTo.plusDays(1).getYear() + "年" + oldTo.plusDays(1).getMonthValue() + "月" + oldTo.plusDays(1).getDayOfMonth() + "日"));
        assertThat(jdbc.sql("select count(*) from notifications.message where member_id = ? and template_code = 'ENROLMENT_CANCELLED'")
                .param(dies).query(Integer.class).single()).as("nobody texts the deceased").isZero();
        JsonNode soon = get("demo-admin", "/api/v1/cover/expiring?unitId=" + unit).json();
        assertThat(members(soon)).containsExactly(stays);
    }

    @Test
    void theExpiryRemindersSkipAMemberWhoseRenewalIsAlreadyPaid() {
        long unit = newUnit(COUNTY);
        long waiting = member(unit, 'M');
        long renewed = member(unit, 'M');
        LocalDate end = today().plusDays(30);
        enrolItems(unit, waiting, end.minusYears(1), "HOSPITAL:1");
        enrolItems(unit, renewed, end.minusYears(1), "HOSPITAL:1");
        assertThat(coverTo(enrolItems(unit, renewed, today(), "HOSPITAL:1"))).isEqualTo(end.plusYears(1));

        coverReminders.remind(today());

        assertThat(reminders(waiting)).as("not renewed: reminded").isPositive();
        assertThat(reminders(renewed)).as("renewal paid, cover chained: not reminded").isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private long member(long unit, char sex) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", sex == 'F' ? "续保女工" : "续保职工",
                "idNumber", rememberId(newIdNumber(LocalDate.of(1980, 5, 5), sex)), "phone", phone, "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long id = registered.json().path("id").asLong();
        ids.put(id, lastId);
        return id;
    }

    private final Map<Long, String> ids = new java.util.HashMap<>();
    private String lastId;

    private String rememberId(String id) {
        lastId = id;
        return id;
    }

    private String idNumberOf(long member) {
        return ids.get(member);
    }

    private JsonNode enrolment(long id) {
        Answer answer = get("demo-admin", "/api/v1/enrolments/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private LocalDate coverTo(long enrolmentId) {
        return LocalDate.parse(enrolment(enrolmentId).path("coverages").get(0).path("to").asString());
    }

    private JsonNode propose(long unit, byte[] roster) {
        Answer answer = roster == null
                ? send("demo-admin", java.net.http.HttpRequest.newBuilder(uri("/api/v1/units/" + unit + "/renewals"))
                        .header("Content-Type", "multipart/form-data; boundary=x").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "--x\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n上年名单\r\n--x--\r\n")))
                : upload("demo-admin", "/api/v1/units/" + unit + "/renewals", "file", "续保.csv", roster);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private List<JsonNode> lines(long renewal, String query) {
        Answer answer = get("demo-admin", "/api/v1/renewals/" + renewal + "/lines?limit=1000" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().forEach(out::add);
        return out;
    }

    private static JsonNode line(List<JsonNode> lines, long member) {
        return lines.stream().filter(l -> l.path("memberId").asLong() == member).findFirst().orElseThrow(() -> new AssertionError(
                "member " + member + " not on the proposal: " + lines));
    }

    private static List<Long> members(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.path("rows").forEach(r -> out.add(r.path("memberId").asLong()));
        return out;
    }

    private long reminders(long member) {
        return jdbc.sql("select count(*) from notifications.message where member_id = ? and template_code = 'COVER_EXPIRING_MEMBER'")
                .param(member).query(Long.class).single();
    }
}
