package org.huzhu.notifications.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated centre's delivery receipts. Each falls due after its delay and goes out on a pool of
 * sender threads (deliver_sm waits for its answer, so several run at once). No receiving session
 * bound → the receipt is kept and sent when one binds (store-and-forward); an error answer, no answer
 * or a broken line → tried again after {@link #RETRY}. A receipt counts as pending until the ESME
 * answered it with ESME_ROK.
 */
final class SmscReceipts implements AutoCloseable {

    static final Duration RETRY = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(SmscReceipts.class);
    private static final ESMClass RECEIPT = new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT);

    record Receipt(String centreId, String handset, String esmeAddress, Long messageReference, Instant submittedAt,
                   DeliveryReceiptState state, String error) {
    }

    private final SmscSessions sessions;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "smsc-receipt-timer"));
    private final ExecutorService senders;
    private final Queue<Receipt> parked = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean closed;

    SmscReceipts(SmscSessions sessions, int senderThreads) {
        this.sessions = sessions;
        this.senders = Executors.newFixedThreadPool(senderThreads, r -> daemon(r, "smsc-receipt-sender"));
    }

    void schedule(Receipt receipt, Duration after) {
        pending.incrementAndGet();
        later(receipt, after);
    }

    /** A receiving session bound: send what was kept for it. */
    void sessionBound() {
        Receipt r;
        while ((r = parked.poll()) != null) dispatch(r);
    }

    int pending() {
        return pending.get();
    }

    long sent() {
        return sent.get();
    }

    private void later(Receipt receipt, Duration after) {
        try {
            if (after.isZero() || after.isNegative()) dispatch(receipt);
            else timer.schedule(() -> dispatch(receipt), after.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (!closed) throw e;
        }
    }

    private void dispatch(Receipt receipt) {
        try {
            senders.execute(() -> send(receipt));
        } catch (RejectedExecutionException e) {
            if (!closed) throw e;
        }
    }

    private void send(Receipt receipt) {
        SMPPServerSession session = sessions.receiver();
        if (session == null) {
            parked.add(receipt);
            if (sessions.receiver() != null) sessionBound();
            return;
        }
        try {
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, receipt.handset(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, receipt.esmeAddress(), RECEIPT, (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    DataCodings.ZERO, text(receipt).getBytes(StandardCharsets.US_ASCII), parameters(receipt));
            pending.decrementAndGet();
            sent.incrementAndGet();
        } catch (NegativeResponseException | ResponseTimeoutException | InvalidResponseException | IOException e) {
            log.debug("Receipt {} not taken ({}); retrying", receipt.centreId(), e.getClass().getSimpleName());
            later(receipt, RETRY);
        } catch (PDUException e) {
            log.warn("Receipt {} cannot be encoded; dropped", receipt.centreId());
            pending.decrementAndGet();
        }
    }

    private static String text(Receipt receipt) {
        Date submitted = Date.from(receipt.submittedAt());
        boolean delivered = receipt.state() == DeliveryReceiptState.DELIVRD;
        return new DeliveryReceipt(receipt.centreId(), 1, delivered ? 1 : 0, submitted, new Date(), receipt.state(), receipt.error(), "")
                .toString();
    }

    private static OptionalParameter[] parameters(Receipt receipt) {
        List<OptionalParameter> parameters = new ArrayList<>(3);
        parameters.add(new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), receipt.centreId()));
        parameters.add(new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, messageState(receipt.state()).value()));
        if (receipt.messageReference() != null) {
            parameters.add(new OptionalParameter.OctetString(SmppGateway.MESSAGE_REFERENCE_TAG,
                    receipt.messageReference().toString().getBytes(StandardCharsets.US_ASCII)));
        }
        return parameters.toArray(OptionalParameter[]::new);
    }

    private static MessageState messageState(DeliveryReceiptState state) {
        return switch (state) {
            case DELIVRD -> MessageState.DELIVERED;
            case UNDELIV -> MessageState.UNDELIVERABLE;
            case EXPIRED -> MessageState.EXPIRED;
            case DELETED -> MessageState.DELETED;
            case REJECTD -> MessageState.REJECTED;
            case ACCEPTD -> MessageState.ACCEPTED;
            case ENROUTE -> MessageState.ENROUTE;
            case UNKNOWN -> MessageState.UNKNOWN;
        };
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        senders.shutdownNow();
    }
}
