package org.huzhu.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * The simulated centre's answer to submit_sm: throttled, refused or accepted (an id from a counter, in
 * hex); an accepted part is recorded, and its receipt is scheduled once the submit_sm_resp went out, so
 * that a receipt never overtakes the answer that names its id. Other operations are not supported.
 */
final class SmscSubmitHandler implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private static final OptionalParameter[] NONE = new OptionalParameter[0];

    private final SmscRules rules;
    private final SmscSubmits submits;
    private final SmscReceipts receipts;
    private final AtomicLong throttled;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(0x10000);
    private final Map<String, Answered> awaitingResponse = new ConcurrentHashMap<>();

    private record Answered(SmscReceipts.Receipt receipt, Duration after) {
    }

    SmscSubmitHandler(SmscRules rules, SmscSubmits submits, SmscReceipts receipts, AtomicLong throttled, Clock clock) {
        this.rules = rules;
        this.submits = submits;
        this.receipts = receipts;
        this.throttled = throttled;
        this.clock = clock;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        if (!rules.admit()) {
            throttled.incrementAndGet();
            throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        String destination = submitSm.getDestAddress();
        if (!rules.validNumber(destination)) throw new ProcessRequestException("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
        byte[] message = submitSm.getShortMessage() == null ? new byte[0] : submitSm.getShortMessage();
        int reference = 0;
        int total = 0;
        int sequence = 0;
        int offset = 0;
        if (submitSm.isUdhi()) {
            if (message.length < 6 || message[0] != 0x05 || message[1] != 0x00 || message[2] != 0x03
                    || (message[4] & 0xFF) == 0 || (message[5] & 0xFF) == 0 || (message[5] & 0xFF) > (message[4] & 0xFF)) {
                throw new ProcessRequestException("unsupported user data header", SMPPConstant.STAT_ESME_RINVESMCLASS);
            }
            reference = message[3] & 0xFF;
            total = message[4] & 0xFF;
            sequence = message[5] & 0xFF;
            offset = 6;
        }
        String text = new String(message, offset, message.length - offset, ucs2(submitSm.getDataCoding())
                ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        String id = Long.toHexString(ids.incrementAndGet()).toUpperCase();
        Long messageReference = messageReference(submitSm);
        SimulatedSmsCentre.Submit submit = new SimulatedSmsCentre.Submit(id, destination, text, reference, sequence, total,
                messageReference, clock.instant());
        submits.add(submit);
        SmscRules.Fate fate = rules.fate(destination);
        awaitingResponse.put(id, new Answered(new SmscReceipts.Receipt(id, destination, submitSm.getSourceAddr(), messageReference,
                submit.acceptedAt(), fate.state(), fate.error()), fate.after()));
        try {
            return new SubmitSmResult(new MessageId(id), NONE);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        scheduleReceipt(result.getMessageId());
    }

    /** The answer could not be written; the centre has the text all the same and still delivers it. */
    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {
        scheduleReceipt(result.getMessageId());
    }

    private void scheduleReceipt(String id) {
        Answered answered = awaitingResponse.remove(id);
        if (answered != null) receipts.schedule(answered.receipt(), answered.after());
    }

    private static Long messageReference(SubmitSm submitSm) {
        if (!(submitSm.getOptionalParameter(SmppGateway.MESSAGE_REFERENCE_TAG) instanceof OptionalParameter.OctetString s)) return null;
        try {
            return Long.valueOf(new String(s.getValue(), StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean ucs2(byte dataCoding) {
        try {
            return Alphabet.parseDataCoding(dataCoding) == Alphabet.ALPHA_UCS2;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- not supported -----------------------------------------------------------------------

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by the simulated centre", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
