package org.huzhu.notifications.sms;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated SMS centre speaking SMPP 3.4 (jSMPP's server side) on 127.0.0.1, for demo mode, tests
 * and benchmarks; usable on its own ({@code new SimulatedSmsCentre(settings)}, {@link #close()}).
 * It takes bind_transceiver / bind_transmitter / bind_receiver for one account (wrong system_id →
 * ESME_RINVSYSID, wrong password → ESME_RINVPASWD), accepts submit_sm by the rules of
 * {@link SmscRules}, records every accepted part, and answers each with a delivery receipt
 * (deliver_sm, esm_class 0x04, standard text plus receipted_message_id, message_state and the echoed
 * {@link SmppGateway#MESSAGE_REFERENCE_TAG}) — kept while no receiving session is bound and sent
 * again until the ESME acknowledges it. Everything lives in memory.
 */
public final class SimulatedSmsCentre implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsCentre.class);
    private static final String CENTRE_ID = "HUZHUSMSC";
    /** Receipts in flight at once, like a real centre's window of outstanding deliver_sm. */
    private static final int RECEIPT_SENDERS = 32;

    /** How the centre behaves. {@code port} 0 picks a free port; null collections and durations take defaults. */
    public record Settings(int port, String systemId, String password, Set<String> unreachableNumbers, Set<String> lateFailureNumbers,
                           Duration lateFailureAfter, int throttlePerSecond, Duration receiptDelay) {

        public Settings {
            if (systemId == null) systemId = "huzhu";
            if (password == null) password = "";
            unreachableNumbers = unreachableNumbers == null ? Set.of() : Set.copyOf(unreachableNumbers);
            lateFailureNumbers = lateFailureNumbers == null ? Set.of() : Set.copyOf(lateFailureNumbers);
            if (lateFailureAfter == null) lateFailureAfter = Duration.ofHours(1);
            if (receiptDelay == null) receiptDelay = Duration.ofMillis(50);
        }

        /** An account with the default rules: no throttling, receipts after 50 ms, every valid number delivered. */
        public static Settings of(String systemId, String password) {
            return new Settings(0, systemId, password, null, null, null, 0, null);
        }
    }

    /**
     * One accepted submit_sm: the centre's id, the number, the part's text, the UDH reference, sequence
     * and total (0 when the text was not concatenated), the echoed message reference (null if absent).
     */
    public record Submit(String id, String destination, String text, int udhReference, int udhSequence, int udhTotal,
                         Long messageReference, Instant acceptedAt) {
    }

    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final SmppSockets.Loopback sockets = new SmppSockets.Loopback();
    private final SMPPServerSessionListener listener;
    private final SmscSessions sessions = new SmscSessions();
    private final SmscSubmits submits = new SmscSubmits();
    private final SmscRules rules;
    private final SmscReceipts receipts = new SmscReceipts(sessions, RECEIPT_SENDERS);
    private final SmscSubmitHandler handler;
    private final ExecutorService binder = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("smsc-bind").unstarted(r));
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicInteger rejectedBinds = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    public SimulatedSmsCentre(Settings settings) {
        this.settings = settings;
        this.rules = new SmscRules(settings);
        this.handler = new SmscSubmitHandler(rules, submits, receipts, throttled, clock);
        try {
            listener = new SMPPServerSessionListener(settings.port(), 0, 128, sockets);
        } catch (IOException e) {
            throw new IllegalStateException("simulated SMS centre cannot listen on 127.0.0.1:" + settings.port(), e);
        }
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(1_000);
        listener.setMessageReceiverListener(handler);
        listener.setResponseDeliveryListener(handler);
        listener.setSessionStateListener((newState, oldState, source) -> {
            if (!newState.isBound() && source instanceof SMPPServerSession s) sessions.gone(s);
        });
        acceptor = Thread.ofPlatform().daemon().name("smsc-accept").start(this::acceptSessions);
        log.info("Simulated SMS centre listening on 127.0.0.1:{}", port());
    }

    /** The port the centre listens on. */
    public int port() {
        return sockets.port();
    }

    // ---- what tests ask ------------------------------------------------------------------

    /** Every accepted submit_sm (one per part), oldest first; a snapshot. */
    public List<Submit> accepted() {
        return submits.snapshot();
    }

    public int acceptedCount() {
        return submits.count();
    }

    /** How many times the message with this outbox reference was submitted (its first parts accepted). */
    public int submitsFor(long messageReference) {
        return submits.firstPartsFor(messageReference);
    }

    /** The complete texts that went to {@code phone}, parts joined by UDH reference, in order. */
    public List<String> textsTo(String phone) {
        return submits.textsTo(phone);
    }

    /** Forgets the accepted submits (not the pending receipts). */
    public void clear() {
        submits.clear();
    }

    /** How many submit_sm were answered ESME_RTHROTTLED. */
    public long throttledCount() {
        return throttled.get();
    }

    /** How many binds were refused (wrong system_id or password). */
    public int rejectedBinds() {
        return rejectedBinds.get();
    }

    public int boundSessions() {
        return sessions.count();
    }

    /** Receipts not yet acknowledged by an ESME (due later, kept for a bind, or being retried). */
    public int receiptsPending() {
        return receipts.pending();
    }

    /** Receipts the ESMEs acknowledged. */
    public long receiptsSent() {
        return receipts.sent();
    }

    // ---- test hooks ------------------------------------------------------------------------

    /** A worker's mobile sends {@code text}: a UCS-2 deliver_sm to a bound session; throws when none takes it. */
    public void reply(String fromPhone, String text) {
        SMPPServerSession session = sessions.receiver();
        if (session == null) throw new IllegalStateException("no ESME is bound to receive");
        try {
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, fromPhone, TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, "", new ESMClass(), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), new RawDataCoding(SmsText.UCS2), SmsText.ucs2(text));
        } catch (Exception e) {
            throw new IllegalStateException("the ESME did not take the reply: " + e.getMessage(), e);
        }
    }

    /** Closes every bound session abruptly (no unbind), as a centre restart would. */
    public void dropSessions() {
        sessions.dropAll();
    }

    // ---- binding ---------------------------------------------------------------------------

    private void acceptSessions() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                binder.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) log.warn("Simulated SMS centre could not accept a connection: {}", e.getMessage());
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (!settings.systemId().equals(request.getSystemId())) {
                rejectedBinds.incrementAndGet();
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
                closeSoon(session);
            } else if (!settings.password().equals(Objects.requireNonNullElse(request.getPassword(), ""))) {
                // an empty password travels as a NULL octet string and comes back as null
                rejectedBinds.incrementAndGet();
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                closeSoon(session);
            } else {
                session.setTransactionTimer(2_000);
                request.accept(CENTRE_ID);
                sessions.bound(session);
                if (session.getSessionState().isReceivable()) receipts.sessionBound();
            }
        } catch (TimeoutException | IllegalStateException | IOException | PDUStringException e) {
            log.debug("Simulated SMS centre: bind failed ({})", e.getClass().getSimpleName());
            session.close();
        }
    }

    /** After a refused bind the ESME closes; if it does not, the centre does (at once would race the bind_resp). */
    private static void closeSoon(SMPPServerSession session) {
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(session::close);
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing the listener: {}", e.getMessage());
        }
        sessions.dropAll();
        acceptor.interrupt();
        binder.shutdownNow();
        receipts.close();
    }
}
