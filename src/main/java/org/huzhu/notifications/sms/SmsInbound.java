package org.huzhu.notifications.sms;

import java.util.List;

/**
 * Where a gateway hands what the centre sends back. Both methods return only once what they were given
 * is stored durably; the gateway acknowledges the centre after that, never before.
 */
public interface SmsInbound {

    void receipts(List<DeliveryReceipt> receipts);

    /** A text a worker sent to the scheme's number (e.g. {@code TD} to opt out of publicity). */
    void reply(InboundSms sms);
}
