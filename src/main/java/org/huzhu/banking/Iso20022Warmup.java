package org.huzhu.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.banking.iso20022.BankSideWriter;
import org.huzhu.banking.iso20022.Iso20022Reader;
import org.huzhu.banking.iso20022.Pain001Reader;
import org.huzhu.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready and a bank is configured, prepares the ISO 20022 machinery in the
 * background — Prowide's JAXB context, the compiled profile schemas, the readers — by writing and
 * reading one small message of each kind, so that the first payment file of the day does not pay
 * for loading and compiling them (about a second on a small machine).
 */
@Component
class Iso20022Warmup {

    private static final Logger log = LoggerFactory.getLogger(Iso20022Warmup.class);

    private final BankAdapter adapter;

    Iso20022Warmup(BankAdapter adapter) {
        this.adapter = adapter;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!adapter.configured()) return;
        Thread t = new Thread(this::warm, "iso20022-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    void warm() {
        try {
            Instant now = Instant.now();
            LocalDate today = LocalDate.now();
            Money amount = Money.of("1.00");
            String pain001 = adapter.render(new PaymentFile("HZPB-WARMUP", now, today, List.of(
                    new CreditTransfer("HZ-0-0", "预热", "预热银行", "6222020000000000000", amount, null))));
            Pain001Reader.readValidated(pain001);
            var account = new BankSideWriter.Account("0", "预热");
            Iso20022Reader.read(BankMessage.STATUS_REPORT, BankSideWriter.statusReport("WARMUP-1", now, "HZPB-WARMUP", 1, "ACSC",
                    List.of(new BankReport.TransactionStatus("HZ-0-0", "ACSC", null, null))));
            Iso20022Reader.read(BankMessage.NOTIFICATION, BankSideWriter.batchNotification("WARMUP-2", now, account, today, "HZPB-WARMUP",
                    List.of(new BankReport.Entry("HZ-0-0", false, amount, today, null, null, null))));
        } catch (RuntimeException e) {
            log.debug("ISO 20022 warm-up failed; the first message pays for it", e);
        }
    }
}
