package org.huzhu.notifications.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMPP 3.4 ESME (jSMPP): one transceiver bind, kept up in the background, shared by every
 * submitting thread. A text of up to 70 UTF-16 units goes as one UCS-2 submit_sm; a longer one as
 * concatenated parts (esm_class 0x40, user data header {@code 05 00 03 ref total seq}), each asking
 * for a delivery receipt and carrying the outbox message id in {@link #MESSAGE_REFERENCE_TAG}.
 *
 * <p>Outcomes: every part accepted → {@code Accepted} (one centre id per part); throttled
 * (ESME_RTHROTTLED, ESME_RMSGQFUL) → all threads pause together (50 ms doubling to 1 s) and the part
 * is tried again, up to {@code throttleRetries} times, then {@code TemporaryFailure}; a refusal such
 * as ESME_RINVDSTADR → {@code PermanentFailure} with a Chinese reason; no bind, or the connection
 * failed while the request was being written (an incomplete PDU the centre cannot act on) →
 * {@code TemporaryFailure}; no answer within {@code submitTimeout} after the request went out →
 * {@code InDoubt}. When a later part of a long text fails after earlier parts were accepted, the
 * outcome is {@code InDoubt} whatever the failure: part of the text reached the centre, and sending
 * it all again would deliver those parts twice.
 *
 * <p>Receipts and mobile-originated texts are handed to the {@link SmsInbound} given to {@link #start}
 * and acknowledged (deliver_sm_resp) only after it returned. Logs name ids and counts, never a number
 * or a text.
 */
public final class SmppGateway implements SmsGateway {

    /**
     * Vendor-specific optional parameter (0x1400–0x3FFF range) carrying the outbox message id as
     * decimal ASCII on every submit_sm; a centre that echoes it in its receipts lets them be matched
     * even when the submit answer was lost. 0x1410 because jSMPP already reads 0x1501/0x1502 as
     * Ericsson MSC addresses.
     */
    public static final short MESSAGE_REFERENCE_TAG = 0x1410;

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
    private static final RawDataCoding UCS2 = new RawDataCoding(SmsText.UCS2);
    private static final RegisteredDelivery RECEIPT_REQUESTED = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);
    private static final ESMClass PLAIN = new ESMClass();
    private static final ESMClass WITH_UDH = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);

    /**
     * How to reach the centre. {@code processorThreads}: threads handling incoming PDUs (receipts);
     * {@code submitTimeout}: how long a submit_sm waits for its answer (also the bind timeout);
     * {@code throttleRetries}: how often a throttled part is tried again before giving up.
     */
    public record Settings(String host, int port, String systemId, String password, String systemType, String sourceAddress,
                           Duration submitTimeout, Duration enquireLinkInterval, int processorThreads, int throttleRetries) {

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(systemId, "systemId");
            if (password == null) password = "";
            if (systemType == null) systemType = "";
            if (sourceAddress == null) sourceAddress = "";
            if (submitTimeout == null) submitTimeout = Duration.ofSeconds(5);
            if (enquireLinkInterval == null) enquireLinkInterval = Duration.ofSeconds(30);
            if (processorThreads <= 0) processorThreads = 4;
            if (throttleRetries < 0) throttleRetries = 0;
        }
    }

    private final Settings settings;
    private final SmppInboundListener listener;
    private final SmppBinding binding;
    private final SmppBackOff backOff = new SmppBackOff();
    private final AtomicInteger concatenationReference = new AtomicInteger();

    public SmppGateway(Settings settings, Clock clock) {
        this.settings = settings;
        this.listener = new SmppInboundListener(clock);
        this.binding = new SmppBinding(settings, listener);
    }

    public SmppGateway(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "smpp";
    }

    /** Hands receipts and replies to {@code inbound} from now on and binds (in the background; retried while the centre is down). */
    @Override
    public void start(SmsInbound inbound) {
        listener.handTo(Objects.requireNonNull(inbound, "inbound"));
        binding.start();
    }

    /** Whether the gateway holds a bound session right now. */
    public boolean bound() {
        return binding.session() != null;
    }

    @Override
    public boolean ready() {
        return bound();
    }

    @Override
    public SubmitOutcome submit(OutgoingSms sms) {
        List<String> parts = SmsText.split(sms.text());
        if (parts.size() > SmsText.MAX_SEGMENTS) {
            return new SubmitOutcome.PermanentFailure("TOO_LONG", "短信内容过长（超过 " + SmsText.MAX_SEGMENTS + " 条）");
        }
        int reference = parts.size() > 1 ? concatenationReference.getAndIncrement() & 0xFF : 0;
        List<String> ids = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Part part = new Part(sms, parts.get(i), reference, parts.size(), i + 1);
            SubmitOutcome outcome;
            try {
                outcome = submitWithBackOff(part);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new SubmitOutcome.TemporaryFailure("INTERRUPTED", "发送被中断", Duration.ZERO);
            }
            if (outcome instanceof SubmitOutcome.Accepted accepted) {
                ids.add(accepted.centreIds().getFirst());
                continue;
            }
            if (ids.isEmpty()) return outcome;
            log.warn("Message {}: part {} of {} failed after earlier parts were accepted; in doubt", sms.messageId(), i + 1, parts.size());
            return new SubmitOutcome.InDoubt("长短信已提交 " + ids.size() + "/" + parts.size() + " 段后失败：" + reason(outcome));
        }
        return new SubmitOutcome.Accepted(ids);
    }

    private record Part(OutgoingSms sms, String text, int reference, int total, int sequence) {
    }

    private SubmitOutcome submitWithBackOff(Part part) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            backOff.awaitTurn();
            SMPPSession session = binding.session();
            if (session == null) return new SubmitOutcome.TemporaryFailure("NO_BIND", "短信中心未连接", Duration.ofSeconds(5));
            try {
                String id = session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, settings.sourceAddress(),
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, part.sms().phone(), part.total() > 1 ? WITH_UDH : PLAIN,
                        (byte) 0, (byte) 0, null, null, RECEIPT_REQUESTED, (byte) 0, UCS2, (byte) 0, shortMessage(part),
                        new OptionalParameter.OctetString(MESSAGE_REFERENCE_TAG,
                                Long.toString(part.sms().messageId()).getBytes(StandardCharsets.US_ASCII))).getMessageId();
                backOff.accepted();
                return new SubmitOutcome.Accepted(List.of(id));
            } catch (NegativeResponseException e) {
                if (!SmppStatus.isThrottling(e.getCommandStatus())) return SmppStatus.refused(e.getCommandStatus());
                backOff.throttled();
                if (attempt >= settings.throttleRetries()) {
                    log.debug("Message {} still throttled after {} tries", part.sms().messageId(), attempt + 1);
                    return new SubmitOutcome.TemporaryFailure(SmppStatus.code(e.getCommandStatus()), "短信中心限流，稍后重试",
                            backOff.retryAfter());
                }
            } catch (ResponseTimeoutException | InvalidResponseException e) {
                log.warn("Message {}: no valid answer to submit_sm within {} ms; in doubt", part.sms().messageId(),
                        settings.submitTimeout().toMillis());
                return new SubmitOutcome.InDoubt("短信中心未在 " + settings.submitTimeout().toMillis() + " 毫秒内应答");
            } catch (PDUException e) {
                return new SubmitOutcome.PermanentFailure("INVALID_PDU", "短信参数无效（号码或发送号码格式不符）");
            } catch (IOException e) {
                // jSMPP throws IOException only before the PDU is written (session not bound) or while writing it
                // (the connection failed mid-write): the centre never got a complete submit_sm.
                log.debug("Message {}: submit_sm not written ({})", part.sms().messageId(), e.getMessage());
                return new SubmitOutcome.TemporaryFailure("NO_BIND", "与短信中心的连接中断", Duration.ofSeconds(1));
            }
        }
    }

    private static byte[] shortMessage(Part part) {
        byte[] text = SmsText.ucs2(part.text());
        if (part.total() == 1) return text;
        byte[] message = new byte[6 + text.length];
        message[0] = 0x05;
        message[1] = 0x00;
        message[2] = 0x03;
        message[3] = (byte) part.reference();
        message[4] = (byte) part.total();
        message[5] = (byte) part.sequence();
        System.arraycopy(text, 0, message, 6, text.length);
        return message;
    }

    private static String reason(SubmitOutcome outcome) {
        return switch (outcome) {
            case SubmitOutcome.TemporaryFailure t -> t.reason();
            case SubmitOutcome.PermanentFailure p -> p.reason();
            case SubmitOutcome.InDoubt d -> d.reason();
            case SubmitOutcome.Accepted a -> "已受理";
        };
    }

    @Override
    public void close() {
        binding.close();
    }
}
