package org.huzhu.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMPP gateway against the simulated centre on loopback: the real protocol end to end. */
@RunsAlongside
class SmppGatewayTest {

    private static final String ACCOUNT = "huzhu";
    private static final String PASSWORD = "s3cret";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    @Test
    void submitsATextAndTheReceiptNamesTheCentreIdAndTheMessage() {
        SimulatedSmsCentre centre = centre(SimulatedSmsCentre.Settings.of(ACCOUNT, PASSWORD));
        Recorder inbound = new Recorder();
        SmppGateway gateway = boundGateway(centre, PASSWORD, inbound);

        SubmitOutcome outcome = gateway.submit(new OutgoingSms(4711, "13800138000", "您的互助金 1,200.00 元已到账。"));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
        String id = ((SubmitOutcome.Accepted) outcome).centreIds().getFirst();
        await(() -> inbound.receipts.size() == 1, "the receipt");
        DeliveryReceipt receipt = inbound.receipts.peek();
        assertThat(receipt.centreId()).isEqualTo(id);
        assertThat(receipt.messageReference()).isEqualTo(4711L);
        assertThat(receipt.state()).isEqualTo(DeliveryReceipt.State.DELIVERED);
        assertThat(receipt.errorCode()).isNull();
        assertThat(centre.textsTo("13800138000")).containsExactly("您的互助金 1,200.00 元已到账。");
        assertThat(centre.submitsFor(4711)).isEqualTo(1);
        await(() -> centre.receiptsPending() == 0, "the receipt acknowledged");
    }

    @Test
    void aLongChineseTextGoesAsThreeConcatenatedPartsThatTheCentreJoins() {
        SimulatedSmsCentre centre = centre(SimulatedSmsCentre.Settings.of(ACCOUNT, PASSWORD));
        Recorder inbound = new Recorder();
        SmppGateway gateway = boundGateway(centre, PASSWORD, inbound);
        String text = "尊敬的会员：您本月提交的住院互助金申请已审核通过，".repeat(6);
        assertThat(text).hasSize(150);

        SubmitOutcome outcome = gateway.submit(new OutgoingSms(12, "13912345678", text));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Accepted.class, a -> assertThat(a.centreIds()).hasSize(3).doesNotHaveDuplicates());
        List<SimulatedSmsCentre.Submit> parts = centre.accepted();
        assertThat(parts).extracting(SimulatedSmsCentre.Submit::udhSequence).containsExactly(1, 2, 3);
        assertThat(parts).extracting(SimulatedSmsCentre.Submit::udhTotal).containsOnly(3);
        assertThat(parts).extracting(SimulatedSmsCentre.Submit::udhReference).containsOnly(parts.getFirst().udhReference());
        assertThat(parts).extracting(SimulatedSmsCentre.Submit::messageReference).containsOnly(12L);
        assertThat(centre.textsTo("13912345678")).containsExactly(text);
        assertThat(centre.submitsFor(12)).isEqualTo(1);
        await(() -> inbound.receipts.size() == 3, "a receipt per part");
    }

    @Test
    void anUnreachableNumberIsAcceptedAndReportedUndeliverable() {
        SimulatedSmsCentre centre = centre(new SimulatedSmsCentre.Settings(0, ACCOUNT, PASSWORD, Set.of("13700000001"), null, null, 0, null));
        Recorder inbound = new Recorder();
        SmppGateway gateway = boundGateway(centre, PASSWORD, inbound);

        assertThat(gateway.submit(new OutgoingSms(5, "13700000001", "通知"))).isInstanceOf(SubmitOutcome.Accepted.class);

        await(() -> inbound.receipts.size() == 1, "the receipt");
        DeliveryReceipt receipt = inbound.receipts.peek();
        assertThat(receipt.state()).isEqualTo(DeliveryReceipt.State.UNDELIVERABLE);
        assertThat(receipt.errorCode()).isEqualTo("001");
        assertThat(receipt.messageReference()).isEqualTo(5L);
    }

    @Test
    void anInvalidNumberIsAPermanentFailureWithAChineseReason() {
        SimulatedSmsCentre centre = centre(SimulatedSmsCentre.Settings.of(ACCOUNT, PASSWORD));
        SmppGateway gateway = boundGateway(centre, PASSWORD, new Recorder());

        SubmitOutcome outcome = gateway.submit(new OutgoingSms(6, "12345", "通知"));

        assertThat(outcome).isEqualTo(new SubmitOutcome.PermanentFailure("SMPP-0x0B", "号码无效"));
        assertThat(centre.acceptedCount()).isZero();
    }

    @Test
    void throttledSubmitsBackOffAndEveryTextIsAcceptedInTheEnd() throws Exception {
        SimulatedSmsCentre centre = centre(new SimulatedSmsCentre.Settings(0, ACCOUNT, PASSWORD, null, null, null, 50, null));
        SmppGateway gateway = boundGateway(centre, PASSWORD, new Recorder());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<SubmitOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long id = i;
                outcomes.add(threads.submit(() -> gateway.submit(new OutgoingSms(id, "1380013" + String.format("%04d", id), "会费提醒"))));
            }
            for (Future<SubmitOutcome> f : outcomes) assertThat(f.get()).isInstanceOf(SubmitOutcome.Accepted.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(centre.acceptedCount()).isEqualTo(200);
        assertThat(centre.throttledCount()).isPositive();
    }

    @Test
    void bindsAgainAfterTheCentreDroppedTheSession() {
        SimulatedSmsCentre centre = centre(SimulatedSmsCentre.Settings.of(ACCOUNT, PASSWORD));
        SmppGateway gateway = boundGateway(centre, PASSWORD, new Recorder());
        assertThat(gateway.submit(new OutgoingSms(1, "13800138000", "一"))).isInstanceOf(SubmitOutcome.Accepted.class);

        centre.dropSessions();

        await(() -> gateway.submit(new OutgoingSms(2, "13800138000", "二")) instanceof SubmitOutcome.Accepted, "a submit after the drop");
        assertThat(centre.submitsFor(2)).isEqualTo(1);
        assertThat(centre.boundSessions()).isEqualTo(1);
    }

    @Test
    void receiptsForAClosedGatewayAreKeptAndDeliveredWhenTheNextOneBinds() {
        SimulatedSmsCentre centre = centre(new SimulatedSmsCentre.Settings(0, ACCOUNT, PASSWORD, null, null, null, 0, Duration.ofMillis(300)));
        Recorder first = new Recorder();
        SmppGateway gateway = boundGateway(centre, PASSWORD, first);
        SubmitOutcome outcome = gateway.submit(new OutgoingSms(77, "13800138000", "通知"));
        gateway.close();
        await(() -> centre.boundSessions() == 0, "the unbind");
        long due = System.nanoTime() + Duration.ofMillis(600).toNanos();
        await(() -> System.nanoTime() - due > 0, "the receipt to fall due");
        assertThat(first.receipts).isEmpty();
        assertThat(centre.receiptsPending()).isEqualTo(1);

        Recorder second = new Recorder();
        boundGateway(centre, PASSWORD, second);

        await(() -> second.receipts.size() == 1, "the kept receipt");
        assertThat(second.receipts.peek().centreId()).isEqualTo(((SubmitOutcome.Accepted) outcome).centreIds().getFirst());
        assertThat(second.receipts.peek().messageReference()).isEqualTo(77L);
        await(() -> centre.receiptsPending() == 0, "the receipt acknowledged");
    }

    @Test
    void aReceiptTheInboundSideFailedOnIsDeliveredAgain() {
        SimulatedSmsCentre centre = centre(SimulatedSmsCentre.Settings.of(ACCOUNT, PASSWORD));
        AtomicBoolean failOnce = new AtomicBoolean(true);
        List<String> attempts = new CopyOnWriteArrayList<>();
        Recorder inbound = new Recorder() {
            @Override
            public void receipts(List<DeliveryReceipt> receipts) {
                attempts.add(receipts.getFirst().centreId());
                if (failOnce.getAndSet(false)) throw new IllegalStateException("database down");
                super.receipts(receipts);
            }
        };
        SmppGateway gateway = boundGateway(centre, PASSWORD, inbound);

        SubmitOutcome outcome = gateway.submit(new OutgoingSms(9, "13800138000", "通知"));

        await(() -> inbound.receipts.size() == 1, "the receipt again");
        String id = ((SubmitOutcome.Accepted) outcome).centreIds().getFirst();
        assertThat(attempts).containsExactly(id, id);
        await(() -> centre.receiptsPending() == 0, "the receipt acknowledged");
    }

    @Test
    void aWorkersReplyReachesTheInboundSide() {
        SimulatedSmsCentre centre = centre(SimulatedSmsCentre.Settings.of(ACCOUNT, PASSWORD));
        Recorder inbound = new Recorder();
        boundGateway(centre, PASSWORD, inbound);

        centre.reply("13800138000", "TD");
        centre.reply("13900139000", "收到，谢谢");

        assertThat(inbound.replies).extracting(InboundSms::phone).containsExactly("13800138000", "13900139000");
        assertThat(inbound.replies).extracting(InboundSms::text).containsExactly("TD", "收到，谢谢");
    }

    @Test
    void aWrongPasswordNeverBinds() {
        SimulatedSmsCentre centre = centre(SimulatedSmsCentre.Settings.of(ACCOUNT, PASSWORD));
        SmppGateway gateway = gateway(centre, "wrong");
        gateway.start(new Recorder());

        await(() -> centre.rejectedBinds() >= 2, "bind attempts");

        assertThat(gateway.bound()).isFalse();
        assertThat(centre.boundSessions()).isZero();
        assertThat(gateway.submit(new OutgoingSms(1, "13800138000", "通知"))).isInstanceOf(SubmitOutcome.TemporaryFailure.class);
        assertThat(centre.acceptedCount()).isZero();
    }

    // ---- fixtures ------------------------------------------------------------------------------

    static class Recorder implements SmsInbound {
        final ConcurrentLinkedQueue<DeliveryReceipt> receipts = new ConcurrentLinkedQueue<>();
        final List<InboundSms> replies = new CopyOnWriteArrayList<>();

        @Override
        public void receipts(List<DeliveryReceipt> receipts) {
            this.receipts.addAll(receipts);
        }

        @Override
        public void reply(InboundSms sms) {
            replies.add(sms);
        }
    }

    private SimulatedSmsCentre centre(SimulatedSmsCentre.Settings settings) {
        SimulatedSmsCentre centre = new SimulatedSmsCentre(settings);
        open.add(centre);
        return centre;
    }

    private SmppGateway gateway(SimulatedSmsCentre centre, String password) {
        SmppGateway gateway = new SmppGateway(new SmppGateway.Settings("127.0.0.1", centre.port(), ACCOUNT, password, "", "106900001234",
                Duration.ofSeconds(2), Duration.ofSeconds(30), 4, 20));
        open.add(gateway);
        return gateway;
    }

    private SmppGateway boundGateway(SimulatedSmsCentre centre, String password, SmsInbound inbound) {
        SmppGateway gateway = gateway(centre, password);
        gateway.start(inbound);
        await(gateway::bound, "the bind");
        return gateway;
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
