package org.huzhu.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the centre sends us: delivery receipts and texts from mobiles (deliver_sm). Each is handed to
 * the {@link SmsInbound} on the jSMPP processing thread; deliver_sm_resp goes back only when that
 * returned, so an error answer (ESME_RSYSERR) makes the centre deliver it again later.
 */
final class SmppInboundListener implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(SmppInboundListener.class);

    private final Clock clock;
    private volatile SmsInbound inbound;

    SmppInboundListener(Clock clock) {
        this.clock = clock;
    }

    void handTo(SmsInbound inbound) {
        this.inbound = inbound;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        SmsInbound target = inbound;
        if (target == null) throw new ProcessRequestException("not started", SMPPConstant.STAT_ESME_RX_T_APPN);
        try {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                DeliveryReceipt receipt = SmppReceipts.read(deliverSm, clock.instant());
                if (receipt != null) target.receipts(List.of(receipt));
            } else {
                target.reply(new InboundSms(deliverSm.getSourceAddr(), text(deliverSm), clock.instant()));
            }
        } catch (RuntimeException e) {
            log.warn("Inbound side failed on a deliver_sm ({}); answering ESME_RSYSERR so that the centre delivers it again",
                    e.getClass().getSimpleName());
            // no cause attached: jSMPP logs the exception, and the inbound side's message may name a person
            throw new ProcessRequestException("inbound side failed", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        log.debug("alert_notification ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    /** A mobile-originated text, decoded by its data_coding: UCS-2, else the default alphabet read as ASCII/Latin-1. */
    static String text(DeliverSm deliverSm) {
        byte[] message = deliverSm.getShortMessage();
        if ((message == null || message.length == 0)
                && deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString payload) {
            message = payload.getValue();
        }
        if (message == null) return "";
        int offset = 0;
        if (deliverSm.isUdhi() && message.length > 0) offset = Math.min(message.length, (message[0] & 0xFF) + 1);
        return new String(message, offset, message.length - offset, ucs2(deliverSm.getDataCoding()) ? StandardCharsets.UTF_16BE
                : StandardCharsets.ISO_8859_1);
    }

    private static boolean ucs2(byte dataCoding) {
        try {
            return Alphabet.parseDataCoding(dataCoding) == Alphabet.ALPHA_UCS2;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
