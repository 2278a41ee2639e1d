package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.payments.OnlinePayments;
import org.huzhu.payments.provider.SimulatedPaymentProvider;
import org.huzhu.shared.Masks;
import org.huzhu.shared.Money;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 参保缴费 in the member app: a worker without a unit enrols themself in the items the catalogue opens to individual
 * enrolment and pays through the simulated provider; cover starts the day after the confirmed payment, the money is
 * booked once (however often and however late the provider tells) and matched to the bill like a bank receipt. The
 * simulator decides by the amount's fen (.13 fails, .22 notified twice, .33 late); premiums are whole yuan, so a part
 * paid at the counter (registered by finance) leaves the outstanding amount the case needs.
 */
class SelfEnrolmentAppTest extends MemberAppTest {

    @Autowired
    Catalogue catalogue;
    @Autowired
    SimulatedPaymentProvider simulator;
    @Autowired
    OnlinePayments onlinePayments;
    @Autowired
    org.huzhu.payouts.Payouts payouts;

    @Test
    void theOfferAndQuoteComeFromTheCatalogueOpenToIndividuals() {
        AppClient app = selfEmployed("灵活就业男", 'M', "REGULAR");
        CatalogueVersion terms = catalogue.activeOn(today().plusDays(1));

        JsonNode offer = app.get("/api/v1/m/enrolment").answer().json();

        assertThat(offer.path("eligible").asBoolean()).as(offer.toString()).isTrue();
        List<String> expected = terms.individualEnrolment().items().stream()
                .filter(code -> terms.item(code).orElseThrow().onlyGender() == null).toList();
        assertThat(offer.path("items").valueStream().map(i -> i.path("item").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(expected).doesNotContain("GIG_ACCIDENT", "FEMALE_SPECIAL");
        for (JsonNode item : offer.path("items")) {
            CatalogueVersion.Item terms1 = terms.item(item.path("item").asString()).orElseThrow();
            assertThat(item.path("maxShares").asInt()).isEqualTo(terms1.maxShares());
            assertThat(item.path("waitingDays").asInt()).isEqualTo(terms1.illnessWaitingDays());
            assertThat(Money.of(item.path("plans").get(0).path("price").asString())).isEqualTo(terms1.plans().getFirst().price());
        }

        Money hospital = terms.item("HOSPITAL").orElseThrow().plan("STD").orElseThrow().price();
        Money accident = terms.item("ACCIDENT").orElseThrow().plan("STD").orElseThrow().price();
        JsonNode quote = app.post("/api/v1/m/enrolment/quote", choice("HOSPITAL", 2, "ACCIDENT", 1)).answer().json();
        assertThat(Money.of(quote.path("premium").asString())).isEqualTo(hospital.times(2).plus(accident));
        assertThat(quote.path("lines").get(0).path("waitingWords").asString())
                .contains("观察期" + terms.item("HOSPITAL").orElseThrow().illnessWaitingDays() + "天");
        assertThat(quote.path("lines").get(1).path("waitingWords").asString()).contains("无观察期");

        AppClient.Reply tooMany = app.post("/api/v1/m/enrolment/quote", choice("HOSPITAL", terms.item("HOSPITAL").orElseThrow().maxShares() + 1));
        assertProblem(tooMany.answer(), 400);
        assertThat(fields(tooMany.answer())).containsExactly("items[0].shares");
        AppClient.Reply gift = app.post("/api/v1/m/enrolment/quote", choice("GIG_ACCIDENT", 1));
        assertProblem(gift.answer(), 400);
        assertThat(fields(gift.answer())).contains("items[0].item");
    }

    @Test
    void aWorkerWithAUnitIsToldToEnrolThroughTheUnit() {
        Worker worker = signedIn("单位职工", newIdNumber(LocalDate.of(1990, 1, 1), 'M'), "REGULAR", MemberAppSignInTest.newPhone());

        JsonNode offer = worker.app().get("/api/v1/m/enrolment").answer().json();
        AppClient.Reply refused = worker.app().post("/api/v1/m/enrolments", choice("HOSPITAL", 1));

        assertThat(offer.path("eligible").asBoolean()).isFalse();
        assertThat(offer.path("reason").asString()).isEqualTo("您已在所在单位登记参保，请通过单位办理参保缴费");
        assertProblem(refused.answer(), 409);
        assertThat(enrolments(worker.id())).isZero();
    }

    @Test
    void enrolPayAndCoverStartsTheDayAfterTheConfirmedPaymentBookedOnce() {
        AppClient app = selfEmployed("骑手钱师傅", 'M', "NEW_FORM");
        long member = memberId(app);

        JsonNode enrolled = enrol(app, choice("HOSPITAL", 1, "ACCIDENT", 1));
        AppClient.Reply twice = app.post("/api/v1/m/enrolments", choice("HOSPITAL", 1, "ACCIDENT", 1));

        assertThat(enrolled.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertProblem(twice.answer(), 409);
        assertThat(enrolments(member)).as("a double tap enrols once").isEqualTo(1);
        long id = enrolled.path("enrolmentId").asLong();
        JsonNode order = pay(app, id);
        assertThat(pay(app, id).path("orderNo").asString()).as("an open order is handed out again").isEqualTo(order.path("orderNo").asString());
        assertThat(Money.of(order.path("amount").asString())).isEqualTo(Money.of(enrolled.path("premium").asString()));
        assertThat(status(app, id, order).path("enrolment").path("status").asString()).as("not on the worker's word").isEqualTo("AWAITING_PAYMENT");

        assertThat(payAtProvider(order)).isEqualTo("PAID");
        JsonNode result = awaitStatus(app, id, order, "IN_FORCE");

        assertThat(result.path("orderWords").asString()).isEqualTo("支付成功");
        LocalDate paidOn = onlinePayments.order(order.path("orderNo").asString()).orElseThrow().paidOn();
        assertThat(result.path("enrolment").path("coverFrom").asString()).isEqualTo(paidOn.plusDays(1).toString());
        assertBookedOnceAndMatched(order, enrolled);
        assertProblem(app.post("/api/v1/m/enrolments/" + id + "/payment", "").answer(), 409);
        JsonNode cover = app.get("/api/v1/m/cover").answer().json();
        assertThat(cover.path("items").valueStream().map(i -> i.path("item").asString()).toList()).contains("HOSPITAL", "ACCIDENT");
        assertThat(cover.path("items").get(0).path("paidBy").asString()).isEqualTo("本人缴费");
    }

    @Test
    void aFailedPaymentLeavesTheEnrolmentAwaitingPaymentAndTheWorkerPaysAgain() {
        AppClient app = selfEmployed("灵活就业孙女士", 'F', "REGULAR");
        JsonNode enrolled = enrol(app, choice("HOSPITAL", 1));
        long id = enrolled.path("enrolmentId").asLong();
        paidAtCounter(enrolled, "0.87");

        JsonNode failing = pay(app, id);
        assertThat(Money.of(failing.path("amount").asString())).isEqualTo(Money.of(enrolled.path("premium").asString()).minus(Money.of("0.87")));
        assertThat(payAtProvider(failing)).isEqualTo("FAILED");
        JsonNode failed = status(app, id, failing);

        assertThat(failed.path("orderWords").asString()).isEqualTo("支付未成功");
        assertThat(failed.path("failReason").asString()).isEqualTo("余额不足");
        assertThat(failed.path("enrolment").path("status").asString()).isEqualTo("AWAITING_PAYMENT");

        paidAtCounter(enrolled, "0.01");
        JsonNode again = pay(app, id);
        assertThat(again.path("orderNo").asString()).isNotEqualTo(failing.path("orderNo").asString());
        assertThat(payAtProvider(again)).isEqualTo("PAID");
        assertThat(awaitStatus(app, id, again, "IN_FORCE").path("orderStatus").asString()).isEqualTo("PAID");
        assertThat(trialBalanced()).isTrue();
    }

    @Test
    void aNotificationDeliveredTwiceIsBookedOnce() {
        AppClient app = selfEmployed("快递员周师傅", 'M', "NEW_FORM");
        Paying paying = enrolAndOrder(app, choice("ACCIDENT", 2), "0.78");
        JsonNode order = paying.order();

        payAtProvider(order);
        awaitTrue(() -> simulator.deliveries(order.path("orderNo").asString()).size() == 2);

        assertThat(enrolment(app, paying.id()).path("status").asString()).isEqualTo("IN_FORCE");
        assertBookedOnceAndMatched(order, paying.enrolled());
    }

    @Test
    void aLateNotificationAfterTheWorkerSawThePaymentIsBookedOnce() {
        AppClient app = selfEmployed("网约车吴师傅", 'M', "NEW_FORM");
        Paying paying = enrolAndOrder(app, choice("CRITICAL_ILLNESS", 1), "0.67");
        JsonNode order = paying.order();

        payAtProvider(order);
        JsonNode seen = status(app, paying.id(), order);   // the worker is back before the notification: our query finds the money
        assertThat(seen.path("enrolment").path("status").asString()).isEqualTo("IN_FORCE");
        awaitTrue(() -> simulator.deliveries(order.path("orderNo").asString()).size() == 1);

        assertThat(simulator.deliveries(order.path("orderNo").asString()).getFirst().status()).isEqualTo(200);
        assertBookedOnceAndMatched(order, paying.enrolled());
    }

    @Test
    void anAmountThatDoesNotMatchTheBillIsLeftUnmatchedForFinance() {
        AppClient app = selfEmployed("灵活就业郑先生", 'M', "REGULAR");
        long member = memberId(app);
        JsonNode enrolled = enrol(app, choice("HOSPITAL", 1));
        long id = enrolled.path("enrolmentId").asLong();

        OnlinePayments.Started wrong = onlinePayments.start(member, enrolled.path("billReference").asString(), Money.of("1.00"), "测试");
        assertThat(payAtProvider(wrong.payUrl())).isEqualTo("PAID");
        awaitTrue(() -> receiptOutcome(wrong.orderNo()) != null);

        assertThat(receiptOutcome(wrong.orderNo())).isEqualTo("UNMATCHED");
        assertThat(enrolment(app, id).path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(jdbc.sql("select count(*) from contributions.payment where source = 'ONLINE' and reference = ?").param(wrong.orderNo())
                .query(Integer.class).single()).isZero();
        JsonNode unmatched = get("demo-finance", "/api/v1/online-receipts?outcome=UNMATCHED").json();
        assertThat(unmatched.valueStream().filter(r -> r.path("orderNo").asString().equals(wrong.orderNo())).findFirst().orElseThrow()
                .path("reason").asString()).contains("不符");
        assertThat(trialBalanced()).isTrue();
    }

    @Test
    void renewingWithoutAGapKeepsTheWaitingPeriodExemption() {
        AppClient app = selfEmployed("续保李女士", 'F', "REGULAR");
        JsonNode first = enrol(app, choice("HOSPITAL", 1));
        // paid at the counter a year and five days ago: the cover ended a few days ago
        Answer paid = post("demo-finance", "/api/v1/bills/" + billId(first) + "/payments", JSON.writeValueAsString(Map.of(
                "amount", first.path("premium").asString(), "paidOn", today().minusDays(370).toString(), "reference", "柜台-" + System.nanoTime())));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        JsonNode hospital = app.get("/api/v1/m/enrolment").answer().json().path("items").valueStream()
                .filter(i -> i.path("item").asString().equals("HOSPITAL")).findFirst().orElseThrow();
        assertThat(hospital.path("renewal").asBoolean()).isTrue();
        assertThat(hospital.path("note").asString()).contains("到期", "免观察期");

        JsonNode renewed = enrol(app, choice("HOSPITAL", 1));
        JsonNode order = pay(app, renewed.path("enrolmentId").asLong());
        payAtProvider(order);
        awaitStatus(app, renewed.path("enrolmentId").asLong(), order, "IN_FORCE");

        JsonNode item = app.get("/api/v1/m/cover").answer().json().path("items").get(0);
        assertThat(item.path("from").asString()).isEqualTo(today().plusDays(1).toString());
        assertThat(item.path("waitingEnds").isNull()).as("renewed without a gap: no waiting period").isTrue();
    }

    @Test
    void anUnpaidEnrolmentCanBeCancelledAndItsReceivableIsReversed() {
        AppClient app = selfEmployed("取消参保王先生", 'M', "REGULAR");
        JsonNode enrolled = enrol(app, choice("HOSPITAL", 1));
        long id = enrolled.path("enrolmentId").asLong();

        AppClient.Reply cancelled = app.post("/api/v1/m/enrolments/" + id + "/cancellation", "");

        assertThat(cancelled.status()).as(cancelled.answer().body()).isEqualTo(200);
        assertThat(cancelled.answer().field("status")).isEqualTo("CANCELLED");
        assertThat(get("demo-finance", "/api/v1/bills/" + billId(enrolled)).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from ledger.journal where idempotency_key = ?").param("enrolment:" + id + ":cancelled")
                .query(Integer.class).single()).isEqualTo(1);
        assertProblem(app.post("/api/v1/m/enrolments/" + id + "/payment", "").answer(), 409);
        assertThat(app.get("/api/v1/m/enrolment").answer().json().path("awaiting").size()).isZero();
        assertThat(app.post("/api/v1/m/enrolments", choice("HOSPITAL", 1)).status()).as("the item is free again").isEqualTo(201);
    }

    /**
     * A self-paid enrolment cancelled before its cover starts (issue 16, 退保与退费): the refund goes to the worker's own payout
     * account, not to a unit; a second person approves it; it is paid through the payout rails once; and the worker is told
     * each step — cover cancelled, refund approved, refund sent — by text and in the app's inbox, the account as its last digits.
     */
    @Test
    void aSelfPaidEnrolmentCancelledBeforeCoverIsRefundedToTheWorkersOwnAccountAndTheWorkerIsToldEachStep() {
        AppClient app = selfEmployed("个人退保赵女士", 'F', "REGULAR");
        long member = memberId(app);
        String card = newCardNumber();
        AppClient.Reply carded = app.post("/api/v1/m/bank-card", json(Map.of("cardNumber", card, "consent", true)));
        assertThat(carded.answer().field("result")).as(carded.answer().body()).isEqualTo("MATCH");
        JsonNode enrolled = enrol(app, choice("HOSPITAL", 1));
        long id = enrolled.path("enrolmentId").asLong();
        Money premium = Money.of(enrolled.path("premium").asString());
        JsonNode order = pay(app, id);
        assertThat(payAtProvider(order)).isEqualTo("PAID");
        awaitStatus(app, id, order, "IN_FORCE");

        JsonNode preview = get("demo-wuhan", "/api/v1/enrolments/" + id + "/cancellation-preview").json();
        assertThat(preview.path("stage").asString()).as(preview.toString()).isEqualTo("BEFORE_COVER");
        assertThat(preview.path("payer").asString()).isEqualTo("MEMBER");
        assertThat(Money.of(preview.path("toPayer").asString())).isEqualTo(premium);
        Answer requested = post("demo-wuhan", "/api/v1/enrolments/" + id + "/cancellations", json(Map.of("reason", "本人申请退保")));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.field("status")).isEqualTo("PROPOSED");
        assertThat(requested.field("payeeMaskedAccount")).isEqualTo(Masks.accountNumber(card));
        assertProblem(post("demo-wuhan", "/api/v1/enrolment-cancellations/" + requested.json().path("id").asLong() + "/approve", "{}"), 409);
        Answer approved = post("demo-admin", "/api/v1/enrolment-cancellations/" + requested.json().path("id").asLong() + "/approve",
                json(Map.of("note", "已核实本人申请")));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String reference = approved.field("payoutReference");
        JsonNode payout = get("demo-finance", "/api/v1/payouts/" + reference).json();
        assertThat(payout.path("kind").asString()).isEqualTo("REFUND");
        assertThat(Money.of(payout.path("amount").asString())).isEqualTo(premium);
        assertThat(payout.path("maskedAccount").asString()).isEqualTo(Masks.accountNumber(card));
        String tail = "尾号" + card.substring(card.length() - 4);
        assertThat(texts(member, "ENROLMENT_CANCELLED")).singleElement().satisfies(t -> assertThat(t).contains("住院", "退保", "不再有效"));
        assertThat(texts(member, "REFUND_APPROVED")).singleElement()
                .satisfies(t -> assertThat(t).contains(premium.toString()).contains(tail).doesNotContain(card));

        assertThat(org.huzhu.support.PayoutRound.pay(payouts, reference).status()).isEqualTo(org.huzhu.payouts.PayoutStatus.SETTLED);

        assertThat(texts(member, "REFUND_SENT")).singleElement().satisfies(t -> assertThat(t).contains(premium.toString()).contains(tail));
        assertThat(jdbc.sql("select count(*) from notifications.message where member_id = ? and template_code like 'REFUND%' and channel = 'INBOX'")
                .param(member).query(Integer.class).single()).as("in the app's inbox too").isEqualTo(2);
        assertThat(get("demo-admin", "/api/v1/enrolments/" + id).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(app.get("/api/v1/m/cover").answer().json().path("items").size()).isZero();
        assertThat(trialBalanced()).isTrue();
    }

    /** The SMS texts of one template written for the member. */
    private List<String> texts(long memberId, String template) {
        return jdbc.sql("select body from notifications.message where member_id = ? and template_code = ? and channel = 'SMS' order by id")
                .params(memberId, template).query(String.class).list();
    }

    // ------------------------------------------------------------------ helpers

    /** A worker registered without a unit (flexible or new-form work), bound and signed in. */
    private AppClient selfEmployed(String name, char sex, String form) {
        String idNumber = newIdNumber(LocalDate.of(1988, 8, 8), sex);
        Answer registered = post("demo-wuhan", "/api/v1/members", json(Map.of("name", name, "idNumber", idNumber, "employmentForm", form)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("unitId").isNull()).isTrue();
        String phone = MemberAppSignInTest.newPhone();
        AppClient app = new AppClient(this::uri);
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        AppClient.Reply bound = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", TextedCodes.codeTextedTo(centre, phone, 1),
                "name", name, "idNumber", idNumber)));
        assertThat(bound.answer().json().path("signedIn").asBoolean()).as(bound.answer().body()).isTrue();
        return app;
    }

    private static String choice(Object... itemAndShares) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < itemAndShares.length; i += 2) items.add(Map.of("item", itemAndShares[i], "shares", itemAndShares[i + 1]));
        return json(Map.of("items", items));
    }

    private JsonNode enrol(AppClient app, String choice) {
        AppClient.Reply enrolled = app.post("/api/v1/m/enrolments", choice);
        assertThat(enrolled.status()).as(enrolled.answer().body()).isEqualTo(201);
        return enrolled.answer().json();
    }

    private record Paying(JsonNode enrolled, long id, JsonNode order) {
    }

    /** Enrols and opens an order for what is left once {@code atCounter} was paid at the counter. */
    private Paying enrolAndOrder(AppClient app, String choice, String atCounter) {
        JsonNode enrolled = enrol(app, choice);
        long id = enrolled.path("enrolmentId").asLong();
        paidAtCounter(enrolled, atCounter);
        return new Paying(enrolled, id, pay(app, id));
    }

    private JsonNode pay(AppClient app, long id) {
        AppClient.Reply order = app.post("/api/v1/m/enrolments/" + id + "/payment", "");
        assertThat(order.status()).as(order.answer().body()).isEqualTo(201);
        return order.answer().json();
    }

    private JsonNode enrolment(AppClient app, long id) {
        return app.get("/api/v1/m/enrolments/" + id).answer().json();
    }

    private JsonNode status(AppClient app, long id, JsonNode order) {
        AppClient.Reply status = app.get("/api/v1/m/enrolments/" + id + "/payments/" + order.path("orderNo").asString());
        assertThat(status.status()).as(status.answer().body()).isEqualTo(200);
        return status.answer().json();
    }

    private JsonNode awaitStatus(AppClient app, long id, JsonNode order, String enrolmentStatus) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = status(app, id, order);
        while (!last.path("enrolment").path("status").asString().equals(enrolmentStatus)) {
            if (System.nanoTime() > deadline) throw new AssertionError("enrolment not " + enrolmentStatus + " in time: " + last);
            sleep();
            last = status(app, id, order);
        }
        return last;
    }

    /** The worker presses 确认支付 on the provider's page. */
    private String payAtProvider(JsonNode order) {
        return payAtProvider(URI.create(order.path("payUrl").asString()));
    }

    private String payAtProvider(URI payUrl) {
        return send(null, HttpRequest.newBuilder(payUrl).header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()))
                .field("status");
    }

    /** Finance registers money the worker paid at the counter towards the bill. */
    private void paidAtCounter(JsonNode enrolled, String amount) {
        Answer paid = post("demo-finance", "/api/v1/bills/" + billId(enrolled) + "/payments", JSON.writeValueAsString(Map.of(
                "amount", amount, "paidOn", today().toString(), "reference", "柜台-" + System.nanoTime())));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    private void assertBookedOnceAndMatched(JsonNode order, JsonNode enrolled) {
        String orderNo = order.path("orderNo").asString();
        assertThat(receiptOutcome(orderNo)).isEqualTo("MATCHED");
        assertThat(jdbc.sql("select count(*) from contributions.payment where source = 'ONLINE' and reference = ?").param(orderNo)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select coalesce(sum(p.debit), 0) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                 where j.idempotency_key like ? and p.account_code = '1012'""").param("online-payment:" + orderNo + "%")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo(Money.of(order.path("amount").asString()).amount());
        JsonNode bill = get("demo-finance", "/api/v1/bills/" + billId(enrolled)).json();
        assertThat(bill.path("status").asString()).isEqualTo("PAID");
        assertThat(bill.path("unitId").isNull()).as("the member pays: no unit").isTrue();
        assertThat(trialBalanced()).isTrue();
    }

    private long billId(JsonNode enrolled) {
        return Long.parseLong(enrolled.path("billReference").asString().substring("HZB-".length()));
    }

    private String receiptOutcome(String orderNo) {
        return jdbc.sql("select outcome from contributions.online_receipt where order_no = ?").param(orderNo).query(String.class)
                .optional().orElse(null);
    }

    private boolean trialBalanced() {
        return get("demo-finance", "/api/v1/ledger/trial-balance").json().path("balanced").asBoolean();
    }

    private long memberId(AppClient app) {
        return app.get("/api/v1/me").answer().json().path("memberId").asLong();
    }

    private long enrolments(long member) {
        return jdbc.sql("select count(*) from membership.enrolment where member_id = ?").param(member).query(Long.class).single();
    }

    private static void awaitTrue(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not there in time");
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
