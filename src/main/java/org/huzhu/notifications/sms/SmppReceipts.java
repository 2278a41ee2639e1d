package org.huzhu.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a delivery receipt (deliver_sm with the SMSC delivery receipt bit): the standard text
 * ({@code id:.. stat:DELIVRD err:000 ...}) through jSMPP, the receipted_message_id and message_state
 * parameters when present (they win over the text), and our message reference when the centre echoed it.
 */
final class SmppReceipts {

    private static final Logger log = LoggerFactory.getLogger(SmppReceipts.class);

    private SmppReceipts() {
    }

    /** The receipt, or null for an intermediate one (ENROUTE, ACCEPTD) or one that names no message. */
    static DeliveryReceipt read(DeliverSm deliverSm, Instant now) {
        org.jsmpp.bean.DeliveryReceipt text = null;
        try {
            text = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException | RuntimeException e) {
            log.debug("Delivery receipt text unreadable; using its parameters");
        }
        String centreId = receiptedMessageId(deliverSm);
        if (centreId == null && text != null) centreId = text.getId();
        DeliveryReceipt.State state = state(deliverSm, text);
        if (centreId == null || state == null) {
            log.warn("Delivery receipt without a message id or a final state acknowledged and dropped");
            return null;
        }
        String error = text == null || state == DeliveryReceipt.State.DELIVERED ? null : text.getError();
        Instant doneAt = text != null && text.getDoneDate() != null ? text.getDoneDate().toInstant() : now;
        return new DeliveryReceipt(centreId, messageReference(deliverSm), state, error, doneAt);
    }

    private static String receiptedMessageId(DeliverSm deliverSm) {
        OptionalParameter p = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (p instanceof OptionalParameter.OctetString s) {
            String id = s.getValueAsString().replace("\0", "").strip();
            return id.isEmpty() ? null : id;
        }
        return null;
    }

    static Long messageReference(DeliverSm deliverSm) {
        if (!(deliverSm.getOptionalParameter(SmppGateway.MESSAGE_REFERENCE_TAG) instanceof OptionalParameter.OctetString s)) return null;
        String value = new String(s.getValue(), StandardCharsets.US_ASCII).replace("\0", "").strip();
        try {
            return value.isEmpty() ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            log.warn("Message reference in a receipt is not a number; ignored");
            return null;
        }
    }

    private static DeliveryReceipt.State state(DeliverSm deliverSm, org.jsmpp.bean.DeliveryReceipt text) {
        OptionalParameter p = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        if (p instanceof OptionalParameter.Byte b) {
            try {
                return state(MessageState.valueOf(b.getValue()));
            } catch (IllegalArgumentException e) {
                log.debug("Unknown message_state {}", b.getValue());
            }
        }
        return text == null || text.getFinalStatus() == null ? null : state(text.getFinalStatus());
    }

    static DeliveryReceipt.State state(DeliveryReceiptState stat) {
        return switch (stat) {
            case DELIVRD -> DeliveryReceipt.State.DELIVERED;
            case UNDELIV -> DeliveryReceipt.State.UNDELIVERABLE;
            case EXPIRED -> DeliveryReceipt.State.EXPIRED;
            case REJECTD -> DeliveryReceipt.State.REJECTED;
            case DELETED -> DeliveryReceipt.State.DELETED;
            case UNKNOWN -> DeliveryReceipt.State.UNKNOWN;
            case ENROUTE, ACCEPTD -> null;
        };
    }

    private static DeliveryReceipt.State state(MessageState state) {
        return switch (state) {
            case DELIVERED -> DeliveryReceipt.State.DELIVERED;
            case UNDELIVERABLE -> DeliveryReceipt.State.UNDELIVERABLE;
            case EXPIRED -> DeliveryReceipt.State.EXPIRED;
            case REJECTED -> DeliveryReceipt.State.REJECTED;
            case DELETED -> DeliveryReceipt.State.DELETED;
            case UNKNOWN -> DeliveryReceipt.State.UNKNOWN;
            case SCHEDULED, ENROUTE, ACCEPTED, SKIPPED -> null;
        };
    }
}
