package org.huzhu.notifications.sms;

import java.io.IOException;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.util.DefaultComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one transceiver bind to the centre: binds in the background, and when the bind is lost
 * (connection closed, centre unbound, enquire_link unanswered) binds again with back-off
 * (100 ms doubling up to 5 s). {@link #session()} is the bound session, or null while there is none.
 */
final class SmppBinding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppBinding.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    private static final int RECEIVE_QUEUE = 1_000;

    private final SmppGateway.Settings settings;
    private final MessageReceiverListener listener;
    private final Object signal = new Object();
    private volatile SMPPSession session;
    private volatile boolean closed;
    private Thread binder;

    SmppBinding(SmppGateway.Settings settings, MessageReceiverListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    synchronized void start() {
        if (binder != null || closed) return;
        binder = Thread.ofPlatform().daemon().name("smpp-bind-" + settings.systemId()).start(this::keepBound);
    }

    /** The session if it is bound now, else null. */
    SMPPSession session() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound() ? current : null;
    }

    private void keepBound() {
        long retry = FIRST_RETRY_MILLIS;
        boolean failedBefore = false;
        while (!closed) {
            try {
                if (session() == null) {
                    try {
                        bind();
                        log.info("SMPP bound to {}:{} as {}", settings.host(), settings.port(), settings.systemId());
                        retry = FIRST_RETRY_MILLIS;
                        failedBefore = false;
                    } catch (IOException e) {
                        if (!failedBefore) {
                            log.warn("SMPP bind to {}:{} as {} failed ({}); retrying in the background", settings.host(), settings.port(),
                                    settings.systemId(), e.getMessage());
                        }
                        failedBefore = true;
                        Thread.sleep(retry);
                        retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
                        continue;
                    }
                }
                synchronized (signal) {
                    if (session() != null && !closed) signal.wait(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void bind() throws IOException {
        SMPPSession fresh = new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender(new DefaultComposer())), new DefaultPDUReader(),
                SmppSockets.client((int) settings.submitTimeout().toMillis()));
        fresh.setPduProcessorDegree(settings.processorThreads());
        fresh.setQueueCapacity(RECEIVE_QUEUE);
        fresh.setTransactionTimer(settings.submitTimeout().toMillis());
        fresh.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
        fresh.setMessageReceiverListener(listener);
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.UNBOUND) Thread.ofPlatform().daemon().start(source::close);
            if (!newState.isBound()) wake();
        });
        fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                settings.submitTimeout().toMillis());
        SMPPSession previous = session;
        session = fresh;
        if (previous != null) previous.close();
        if (closed) fresh.unbindAndClose();
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread;
        synchronized (this) {
            thread = binder;
        }
        if (thread != null) thread.interrupt();
        SMPPSession current = session;
        session = null;
        if (current != null) {
            if (current.getSessionState().isBound()) current.unbindAndClose();
            else current.close();
        }
        wake();
    }
}
