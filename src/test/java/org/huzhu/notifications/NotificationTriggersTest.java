package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.membership.Enrolments;
import org.huzhu.membership.GiftCovers;
import org.huzhu.membership.Members;
import org.huzhu.notifications.triggers.BillNotices;
import org.huzhu.notifications.triggers.CoverReminders;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.huzhu.support.PayoutRound;
import org.huzhu.support.TestClock;
import org.huzhu.support.ReceiptNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every trigger writes its messages into the outbox with the change that causes it, through the real
 * flows (claims filed, judged and paid, accounts changed, enrolments, bills, the daily jobs): the text
 * names only masked figures, and nothing is written when the change is rolled back.
 */
class NotificationTriggersTest extends ApiTest {

    /** A counter check in person: what staff saw (an ID card ending 001X). */
    static final String COUNTER_CHECK = "{\"documentType\": \"RESIDENT_ID_CARD\", \"documentNumberLast4\": \"001X\"}";

    private static final AtomicInteger RECEIPT = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Autowired
    Payouts payouts;
    @Autowired
    Members members;
    @Autowired
    Enrolments enrolments;

    @Autowired
    GiftCovers gifts;
    @Autowired
    CoverReminders coverReminders;
    @Autowired
    BillNotices billNotices;
    @Autowired
    TransactionTemplate transactions;

    record Row(String template, String channel, String status, String body, String phoneMasked, Long memberId, Long accountId,
               Instant notBefore, Instant createdAt, String dedupKey) {
    }

    // ---- claims -------------------------------------------------------------------------------

    @Test
    void anAutomaticallyApprovedClaimIsToldOnceThatItWasApprovedThenPaidWithOnlyTheAccountsLastDigitsInTheText() {
        String phone = newPhone();
        String card = newCardNumber();
        long member = member(phone, card, "HOSPITAL:1");
        long claim = fileClaim(member, hospitalClaim("1000.00", true));
        attach(claim, "ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");

        assertThat(submit(claim).path("status").asString()).isEqualTo("PAYMENT_PENDING");

        String ref = String.format("CLM-%06d", claim);
        assertThat(rows(member, "CLAIM_RECEIVED")).as("received and approved in one moment: one text, not two").isEmpty();
        Row approved = only(member, "CLAIM_APPROVED", "SMS");
        assertThat(approved.body()).startsWith("【职工互助】").contains(ref, "480.00元", "尾号" + card.substring(card.length() - 4), "住院")
                .doesNotContain(card).doesNotContain(phone);
        assertThat(approved.phoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(approved.status()).as("on its way (the dispatcher may have sent it already)").isIn("QUEUED", "SENDING", "SENT", "DELIVERED");
        assertThat(only(member, "CLAIM_APPROVED", "INBOX").status()).isEqualTo("DELIVERED");
        assertThat(approved.dedupKey()).startsWith("claim-approved:" + claim + "|");

        assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        Row sent = only(member, "PAYOUT_SENT", "SMS");
        assertThat(sent.body()).contains("480.00元", ref, "尾号" + card.substring(card.length() - 4)).doesNotContain(card);
    }

    @Test
    void aClaimSentToAReviewerIsToldItWasReceivedAndLaterThatItWasApproved() {
        String phone = newPhone();
        long member = member(phone, newCardNumber(), "HOSPITAL:1");
        long claim = fileClaim(member, hospitalClaim("1000.00", false));
        attach(claim, "ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");

        assertThat(submit(claim).path("status").asString()).as("a paper receipt: a reviewer looks at it").isEqualTo("UNDER_REVIEW");
        Row received = only(member, "CLAIM_RECEIVED", "SMS");
        assertThat(received.body()).startsWith("【职工互助】").contains(String.format("CLM-%06d", claim), "已受理", "7个工作日");
        assertThat(only(member, "CLAIM_RECEIVED", "INBOX").status()).isEqualTo("DELIVERED");
        assertThat(rows(member, "CLAIM_APPROVED")).isEmpty();

        Answer approved = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(only(member, "CLAIM_APPROVED", "SMS").body()).contains("已审核通过", "480.00元");
        assertThat(only(member, "CLAIM_RECEIVED", "SMS").dedupKey()).as("the earlier text stays as it was").isEqualTo(received.dedupKey());
    }

    @Test
    void aClaimJudgedWithoutItsMaterialsAsksForThemByNameAndDateAndAReviewersRejectionSaysWhyInPlainWords() {
        long member = member(newPhone(), newCardNumber(), "HOSPITAL:1");
        long claim = fileClaim(member, hospitalClaim("8000.00", false));
        attach(claim, "ID_CARD", "BANK_CARD");

        assertThat(submit(claim).path("status").asString()).isEqualTo("MATERIALS_REQUESTED");

        Row needed = only(member, "CLAIM_MATERIALS_NEEDED", "SMS");
        assertThat(needed.body()).contains("医疗收费票据、医保结算单、出院小结", CHINESE_DATE.format(today().plusDays(60)));
        assertThat(rows(member, "CLAIM_APPROVED")).isEmpty();

        Answer rejected = post("demo-reviewer", "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"阑尾炎K35.800票据存疑\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        Row rejection = only(member, "CLAIM_REJECTED", "SMS");
        assertThat(rejection.body()).contains("经审核不符合互助金给付条件").doesNotContain("K35").doesNotContain("阑尾炎");
    }

    @Test
    void anAutomaticRejectionNamesTheReasonCodeInPlainChinese() {
        long member = member(null, newCardNumber(), "HOSPITAL:1");
        Map<String, Object> body = hospitalClaim("3000.00", true);
        LocalDate discharge = today().minusYears(2).minusDays(1);
        body.put("incidentDate", discharge.minusDays(7).toString());
        body.put("hospitalStay", Map.of("admission", discharge.minusDays(7).toString(), "discharge", discharge.toString()));
        long claim = fileClaim(member, body);

        assertThat(submit(claim).path("status").asString()).isEqualTo("REJECTED");

        assertThat(rows(member, "CLAIM_REJECTED")).singleElement().satisfies(r -> {
            assertThat(r.channel()).as("no phone: the inbox only").isEqualTo("INBOX");
            assertThat(r.body()).contains("超过申领时限");
        });
    }

    @Test
    void aPayoutTheBankRejectsAsksTheMemberToUpdateTheAccount() {
        String card = "9558801234560004";   // the simulated bank rejects accounts ending 0004
        long member = member(newPhone(), card, "HOSPITAL:1");
        long claim = fileClaim(member, hospitalClaim("1000.00", true));
        attach(claim, "ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");
        submit(claim);

        assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.FAILED);

        Row failed = only(member, "PAYOUT_FAILED", "SMS");
        assertThat(failed.body()).contains("尾号0004", "480.00元", "更新收款账户").doesNotContain(card);
        assertThat(failed.dedupKey()).startsWith("payout-failed:HZ-" + claim + "-1|");
        assertThat(only(member, "PAYOUT_SENT", "SMS").createdAt()).as("the file went to the bank before it rejected the payout")
                .isBeforeOrEqualTo(failed.createdAt());
    }

    /**
     * A claim's decision reads its member once; the notices it writes at commit reach the member as read then, and at
     * the new number when the same transaction changed it after that read.
     */
    @Test
    void aMemberReadToDecideAClaimIsReachedAtTheNumberTheTransactionLastGaveThem() {
        String phone = newPhone();
        String changed = newPhone();
        long member = member(phone, newCardNumber(), "HOSPITAL:1");
        CurrentUser admin = new CurrentUser(0, "demo-admin", Role.ADMIN, "/", null, null, null);
        List<String> reached = transactions.execute(tx -> {
            members.claimantToDecide(member, admin);
            String asRead = members.contacts(List.of(member)).get(member).phone();
            members.changePhone(member, changed, admin);
            return List.of(asRead, members.contacts(List.of(member, member)).get(member).phone());
        });
        assertThat(reached).containsExactly(phone, changed);
    }

    // ---- membership ---------------------------------------------------------------------------

    @Test
    void aChangedPayoutAccountIsToldAtOnceEvenAtNightToTheCurrentNumberAndToTheNumberItReplaced() {
        String oldPhone = newPhone();
        String newPhone = newPhone();
        long member = member(oldPhone, newCardNumber(), "HOSPITAL:1");
        CurrentUser admin = new CurrentUser(0, "demo-admin", Role.ADMIN, "/", null, null, null);
        members.changePhone(member, newPhone, admin);
        byte[] kept = jdbc.sql("select phone_cipher from membership.member_phone_history where member_id = ?").param(member)
                .query(byte[].class).single();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(oldPhone);
        assertThat(members.contact(member).orElseThrow().formerPhones()).containsExactly(oldPhone);

        Instant tonight = today().atTime(LocalTime.of(23, 30)).atZone(TestClock.CHINA).toInstant();
        // the next 23:30 China time still to come: a run after 23:30 plays tomorrow night, after the notices above
        Instant night = tonight.isAfter(testClock.instant()) ? tonight : tonight.plus(java.time.Duration.ofDays(1));
        testClock.moveTo(night);
        String card = newCardNumber();
        setBankAccount(member, "中国建设银行", card);

        List<Row> notices = rows(member, "BANK_ACCOUNT_CHANGED").stream().filter(r -> !r.createdAt().isBefore(night)).toList();
        Instant morning = today().plusDays(1).atTime(8, 0).atZone(TestClock.CHINA).toInstant();
        assertThat(notices).filteredOn(r -> r.channel().equals("SMS")).extracting(Row::phoneMasked)
                .containsExactlyInAnyOrder(masked(newPhone), masked(oldPhone));
        assertThat(notices).filteredOn(r -> r.channel().equals("SMS")).allSatisfy(r -> {
            assertThat(r.body()).contains("尾号" + card.substring(card.length() - 4), "林", "如非本人操作").doesNotContain(card);
            assertThat(r.notBefore()).as("urgent: not held for the morning").isBefore(morning);
        });
        assertThat(notices).filteredOn(r -> r.channel().equals("INBOX")).hasSize(1);

        // a transactional text written at night waits for 08:00
        long unit = newUnitWithOperator();
        long other = register(unit, newPhone());
        enrolItems(unit, other, today(), "HOSPITAL:1");
        Row inForce = only(other, "ENROLMENT_IN_FORCE", "SMS");
        assertThat(inForce.notBefore()).isEqualTo(morning);
    }

    @Test
    void coverComingIntoForceAndGiftCoverAreToldOncePerEnrolmentAndNothingIsWrittenWhenTheChangeRollsBack() {
        long unit = newUnit("武昌区总工会");
        long member = register(unit, newPhone());
        long enrolment = enrolItems(unit, member, today(), "HOSPITAL:1");
        JsonNode view = get("demo-admin", "/api/v1/members/" + member + "/enrolments").json().get(0);
        LocalDate end = LocalDate.parse(view.path("coverages").get(0).path("to").asString());
        Row inForce = only(member, "ENROLMENT_IN_FORCE", "SMS");
        assertThat(inForce.body()).contains("住院", "保障期至" + CHINESE_DATE.format(end));
        assertThat(inForce.dedupKey()).startsWith("enrolment-in-force:" + enrolment + "|");

        long worker = registerNewForm(unit);
        transactions.executeWithoutResult(s -> {
            assertThat(enrolments.grantGiftCover(worker, today())).isNotNull();
            assertThat(rows(worker, "GIFT_COVER_GRANTED")).as("written in the transaction").isNotEmpty();
            s.setRollbackOnly();
        });
        assertThat(rows(worker, "GIFT_COVER_GRANTED")).as("rolled back with the cover").isEmpty();

        Answer verified = post("demo-admin", "/api/v1/members/" + worker + "/real-name-verification", COUNTER_CHECK);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(rows(worker, "GIFT_COVER_GRANTED")).as("verification grants nothing").isEmpty();
        gifts.claim(worker, GiftCovers.WorkKind.DELIVERY_RIDER);
        assertThat(rows(worker, "GIFT_COVER_GRANTED")).filteredOn(r -> r.channel().equals("SMS")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("工会赠送", "无需缴费"));
    }

    @Test
    void coverEndingIn30And14And7DaysRemindsTheMemberAndTheUnitOnceWhateverTheReruns() {
        long unit = newUnitWithOperator();
        long member = register(unit, newPhone());
        enrolItems(unit, member, today().minusDays(200), "HOSPITAL:1");
        LocalDate end = LocalDate.parse(get("demo-admin", "/api/v1/members/" + member + "/enrolments").json().get(0)
                .path("coverages").get(0).path("to").asString());

        for (int days : List.of(30, 14, 7)) {
            coverReminders.remind(end.minusDays(days));
            coverReminders.remind(end.minusDays(days));   // a rerun writes nothing twice
        }
        coverReminders.remind(end.minusDays(20));   // not a reminder day

        List<Row> reminders = rows(member, "COVER_EXPIRING_MEMBER").stream().filter(r -> r.channel().equals("SMS")).toList();
        assertThat(reminders).extracting(r -> r.body().replaceAll(".*还有(\\d+)天.*", "$1")).containsExactlyInAnyOrder("30", "14", "7");
        assertThat(reminders).allSatisfy(r -> assertThat(r.body()).contains("住院", CHINESE_DATE.format(end)));
        List<Row> unitNotices = accountRows(operatorOf(unit), "COVER_EXPIRING_UNIT");
        assertThat(unitNotices).filteredOn(r -> r.channel().equals("INBOX")).hasSize(3)
                .allSatisfy(r -> assertThat(r.body()).contains("1人次", CHINESE_DATE.format(end)));
    }

    // ---- bills --------------------------------------------------------------------------------

    @Test
    void aBillIsToldToTheUnitsOperatorsWhenIssuedAndOnceWhenOverdue() {
        long unit = newUnitWithOperator();
        long operator = operatorOf(unit);
        long member = register(unit, newPhone());
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", member,
                "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)))));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        long bill = enrolled.json().path("billId").asLong();

        Row issued = accountRows(operator, "BILL_ISSUED").getFirst();
        assertThat(issued.body()).contains("HZB-" + bill, "100.00元", CHINESE_DATE.format(today().plusDays(15)));
        assertThat(issued.dedupKey()).startsWith("bill-issued:" + bill + "|");

        billNotices.overdue(today().plusDays(15));
        assertThat(accountRows(operator, "BILL_OVERDUE")).as("due on the 15th day: not overdue yet").isEmpty();
        billNotices.overdue(today().plusDays(16));
        billNotices.overdue(today().plusDays(17));
        assertThat(accountRows(operator, "BILL_OVERDUE")).filteredOn(r -> r.channel().equals("SMS")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("HZB-" + bill, "已逾期未缴"));

        Answer paid = post("demo-finance", "/api/v1/bills/" + bill + "/payments", JSON.writeValueAsString(Map.of("amount", "100.00",
                "paidOn", today().toString(), "reference", "TRG-" + RECEIPT.incrementAndGet())));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(rows(member, "ENROLMENT_IN_FORCE")).as("in force once its bill is paid").isNotEmpty();
    }

    // ---- cancellations and refunds -----------------------------------------------------------

    @Test
    void aCancellationTellsTheWorkerTheCoverEndedAndTheUnitOfItsRefundApprovedRefusedByTheBankOrTurnedDown() {
        long unit = newUnitWithOperator();
        long operator = operatorOf(unit);
        long unpaidMember = register(unit, newPhone());
        long unpaid = enrol(unit, unpaidMember, null, "ACCIDENT");
        Answer cancelled = post("demo-admin", "/api/v1/enrolments/" + unpaid + "/cancellations", "{\"reason\":\"职工离职\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);
        assertThat(only(unpaidMember, "ENROLMENT_CANCELLED", "SMS").body()).contains("意外", "已于" + CHINESE_DATE.format(today()) + "退保");
        assertThat(accountRows(operator, "REFUND_APPROVED_UNIT")).as("nothing was paid: no refund to tell of").isEmpty();

        long member = register(unit, newPhone());
        long paid = enrol(unit, member, today(), "ACCIDENT");
        String card = "6222020200112230004";   // the simulated bank refuses accounts ending 0004
        long cancellation = requestCancellation(paid, card);
        assertThat(rows(member, "ENROLMENT_CANCELLED")).as("a request changes nothing yet").isEmpty();
        Answer approved = post("demo-admin2", "/api/v1/enrolment-cancellations/" + cancellation + "/approve", "{\"note\":\"已核实\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        assertThat(only(member, "ENROLMENT_CANCELLED", "SMS").body()).contains("退保", "不再有效");
        assertThat(accountRows(operator, "REFUND_APPROVED_UNIT")).filteredOn(r -> r.channel().equals("INBOX")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("30.00元", "尾号0004").doesNotContain(card));
        String reference = approved.json().path("payoutReference").asString();
        assertThat(PayoutRound.pay(payouts, reference).status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(accountRows(operator, "REFUND_FAILED_UNIT")).filteredOn(r -> r.channel().equals("INBOX")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("30.00元", "未能入账", "更正退费账户"));
        assertThat(rows(member, "REFUND_FAILED")).as("a unit's refund is the unit's business").isEmpty();

        long keptMember = register(unit, newPhone());
        long kept = enrol(unit, keptMember, today(), "ACCIDENT");
        long turnedDown = requestCancellation(kept, newCardNumber());
        Answer rejected = post("demo-admin2", "/api/v1/enrolment-cancellations/" + turnedDown + "/reject", "{\"note\":\"未附单位盖章申请\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(accountRows(operator, "CANCELLATION_REJECTED_UNIT")).filteredOn(r -> r.channel().equals("INBOX")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("未附单位盖章申请", "继续有效"));
        assertThat(rows(keptMember, "ENROLMENT_CANCELLED")).as("the cover goes on").isEmpty();
    }

    private long enrol(long unit, long member, LocalDate paidOn, String item) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("unitId", unit, "memberId", member, "items", List.of(Map.of("item", item, "shares", 1))));
        if (paidOn != null) body.put("paidOn", paidOn.toString());
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(body));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json().path("id").asLong();
    }

    private long requestCancellation(long enrolment, String card) {
        Answer requested = post("demo-admin", "/api/v1/enrolments/" + enrolment + "/cancellations", JSON.writeValueAsString(Map.of(
                "reason", "单位误报，申请退保", "bankName", "中国工商银行", "accountNumber", card)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json().path("id").asLong();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<Row> rows(long member, String template) {
        return jdbc.sql("""
                select template_code, channel, status, body, phone_masked, member_id, account_id, not_before, created_at, dedup_key
                  from notifications.message where member_id = ? and template_code = ? order by id""")
                .params(member, template).query(NotificationTriggersTest::row).list();
    }

    private List<Row> accountRows(long account, String template) {
        return jdbc.sql("""
                select template_code, channel, status, body, phone_masked, member_id, account_id, not_before, created_at, dedup_key
                  from notifications.message where account_id = ? and template_code = ? order by id""")
                .params(account, template).query(NotificationTriggersTest::row).list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, Long.class),
                rs.getObject(7, Long.class), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getString(10));
    }

    private Row only(long member, String template, String channel) {
        List<Row> found = rows(member, template).stream().filter(r -> r.channel().equals(channel)).toList();
        assertThat(found).as(template + " " + channel + " for member " + member).hasSize(1);
        return found.getFirst();
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A worker named 林… of a fresh 武昌区 unit, with a phone (or none), enrolled 200 days ago, paid to {@code card}. */
    private long member(String phone, String card, String... items) {
        long unit = newUnit("武昌区总工会");
        long member = register(unit, phone);
        enrolItems(unit, member, today().minusDays(200), items);
        setBankAccount(member, "中国工商银行", card);
        return member;
    }

    private long register(long unit, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "林通知");
        body.put("idNumber", newIdNumber(LocalDate.of(1983, 4, 9), 'M'));
        body.put("employmentForm", "REGULAR");
        body.put("unitId", unit);
        if (phone != null) body.put("phone", phone);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(body));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    private long registerNewForm(long unit) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "林骑手",
                "idNumber", newIdNumber(LocalDate.of(1995, 8, 1), 'M'), "employmentForm", "NEW_FORM", "unitId", unit,
                "phone", newPhone())));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    /** A fresh unit with an operator account of its own (created by the administrator). */
    private long newUnitWithOperator() {
        long unit = newUnit("武昌区总工会");
        String username = "trg-op-" + RECEIPT.incrementAndGet();
        Answer created = post("demo-admin", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", username,
                "displayName", "通知经办人", "phone", newPhone(), "role", "UNIT_OPERATOR", "unitId", unit)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return unit;
    }

    private long operatorOf(long unit) {
        return jdbc.sql("select id from identity.account where unit_id = ? order by id limit 1").param(unit).query(Long.class).single();
    }

    /** An appendicitis stay 30 to 20 days ago; the bill is self-paid plus 1,000.00 from the fund; one receipt. */
    private Map<String, Object> hospitalClaim(String selfPaid, boolean electronic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today().minusDays(30).toString());
        body.put("diagnoses", List.of("K35.800"));
        body.put("hospitalStay", Map.of("admission", today().minusDays(30).toString(), "discharge", today().minusDays(20).toString()));
        String total = new java.math.BigDecimal(selfPaid).add(new java.math.BigDecimal("1000.00")).toPlainString();
        body.put("expenses", Map.of("total", total, "fundPaid", "1000.00", "selfPaid", selfPaid, "selfFunded", "0.00"));
        body.put("receipts", List.of(Map.of("invoiceCode", "42060127", "invoiceNumber", ReceiptNumbers.next(),
                "electronic", electronic, "amount", total)));
        return body;
    }


    private JsonNode submit(long claim) {
        Answer answer = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void attach(long claim, String... kinds) {
        for (String kind : kinds) {
            Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", PDF);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
    }
}
