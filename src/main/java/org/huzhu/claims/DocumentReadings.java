package org.huzhu.claims;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.recognition.Recognition;
import org.huzhu.recognition.Recognitions;
import org.huzhu.recognition.TextSource;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a claim's receipts and settlement statements in the background once they are attached
 * (issue 4 in claims): a bounded pool of readers hands each document to {@link Recognitions}; what
 * was read pre-fills the claim (its receipts, and its expenses and hospital stay unless they were
 * typed in), and a receipt another claim already holds is flagged on the document at once. A claim
 * submitted while its receipts are still being read waits in SUBMITTED and is judged when the last
 * one is read. A document left unread by a restart or a full queue is picked up by the sweep.
 */
@Component
class DocumentReadings {

    static final List<String> READ_KINDS = List.of("RECEIPT", "SETTLEMENT");
    private static final Logger log = LoggerFactory.getLogger(DocumentReadings.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DocumentReadingRepository readings;
    private final ClaimRepository claims;
    private final Recognitions recognitions;
    private final PersonalDataCipher cipher;
    private final ObjectProvider<Claims> front;
    private final TransactionTemplate tx;
    private final ThreadPoolExecutor pool;

    DocumentReadings(DocumentReadingRepository readings, ClaimRepository claims, Recognitions recognitions,
                     PersonalDataCipher cipher, ObjectProvider<Claims> front, PlatformTransactionManager transactions,
                     @Value("${huzhu.claims.reading-threads:2}") int threads,
                     @Value("${huzhu.claims.reading-queue:500}") int queue) {
        this.readings = readings;
        this.claims = claims;
        this.recognitions = recognitions;
        this.cipher = cipher;
        this.front = front;
        this.tx = new TransactionTemplate(transactions);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "claim-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** After the attaching transaction commits, queues the document for reading when it is of a kind that is read. */
    void attached(long documentId, String kind) {
        if (!READ_KINDS.contains(kind)) return;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(documentId);
                }
            });
        } else {
            queue(documentId);
        }
    }

    /** Whether a claim's judgement must wait for its documents: some are unread and its expenses were not typed in. */
    boolean mustWait(long claimId) {
        return readings.anyUnread(claimId, READ_KINDS) && !readings.lockClaim(claimId).map(c -> c.expensesTyped()).orElse(true);
    }

    private void queue(long documentId) {
        try {
            pool.execute(() -> read(documentId));
        } catch (RejectedExecutionException full) {
            log.info("Reading queue full; document {} is left to the sweep", documentId);
        }
    }

    /** Documents that a restart or a full queue left unread. */
    @Scheduled(fixedDelayString = "${huzhu.claims.reading-sweep:PT30S}", initialDelayString = "${huzhu.claims.reading-sweep:PT30S}")
    void sweep() {
        if (pool.getQueue().size() > pool.getQueue().remainingCapacity()) return;
        for (DocumentReadingRepository.Unread u : readings.leftBehind(READ_KINDS, 1, 100)) queue(u.documentId());
    }

    /** Reads one document, outside any transaction; then records it and pre-fills its claim in one. */
    void read(long documentId) {
        var unread = readings.unread(documentId).orElse(null);
        if (unread == null) return;
        byte[] stored = claims.documentContent(unread.claimId(), documentId).orElse(null);
        if (stored == null) return;
        Recognition recognition = null;
        String failure = null;
        try {
            recognition = recognitions.recognise(unread.fileName(), cipher.decryptBytes(stored));
        } catch (UnreadableUploadException | UploadTooLargeException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            log.warn("Reading document {} failed: {}", documentId, e.getClass().getSimpleName());
            failure = "识别服务暂时不可用，请人工录入票据信息";
        }
        Recognition read = recognition;
        String message = failure;
        boolean judgeNow = Boolean.TRUE.equals(tx.execute(status -> record(unread, read, message)));
        if (judgeNow) front.getObject().judgeAfterReading(unread.claimId());
    }

    /** Returns whether the claim now waits for nothing and is to be judged. */
    private boolean record(DocumentReadingRepository.Unread doc, Recognition r, String failure) {
        var claim = readings.lockClaim(doc.claimId()).orElse(null);
        if (claim == null) return false;
        if (r == null) {
            if (!readings.insert(doc.claimId(), doc.documentId(), "UNREADABLE", null, null, null, null, null, null, failure)) return false;
            return claim.status() == ClaimStatus.SUBMITTED && !readings.anyUnread(doc.claimId(), READ_KINDS);
        }
        String code = r.fields().get("invoiceCode");
        String number = r.fields().get("invoiceNumber");
        boolean receipt = code != null && number != null;
        Long usedBy = receipt ? readings.otherClaimWithReceipt(doc.claimId(), code, number).orElse(null) : null;
        String message = usedBy == null ? null : "该票据（" + code + "-" + number + "）已用于理赔申请 #" + usedBy;
        if (!readings.insert(doc.claimId(), doc.documentId(), "READ", r.documentType().name(), r.source().name(), seal(r),
                receipt ? code : null, receipt ? number : null, usedBy, message)) {
            return false;
        }
        boolean open = claim.status() == ClaimStatus.DRAFT || claim.status() == ClaimStatus.SUBMITTED;
        if (open && receipt && usedBy == null && !readings.holdsReceipt(doc.claimId(), code, number)) {
            String total = r.fields().get("total");
            readings.addReceipt(doc.claimId(), claim.nextReceiptPosition(), code, number, r.source() != TextSource.OCR,
                    total == null ? BigDecimal.ZERO : new BigDecimal(total));
        }
        if (open && !claim.expensesTyped()) fillExpenses(doc.claimId());
        if (open && !claim.hospitalStayKnown()) fillHospitalStay(doc.claimId(), r);
        return claim.status() == ClaimStatus.SUBMITTED && !readings.anyUnread(doc.claimId(), READ_KINDS);
    }

    /** Expenses = the sum over the claim's readable receipts, only when every one of them gave all four amounts. */
    private void fillExpenses(long claimId) {
        Money total = Money.ZERO, fund = Money.ZERO, self = Money.ZERO, selfFunded = Money.ZERO;
        int receipts = 0;
        for (Reading reading : readingsOf(claimId)) {
            if (!"READ".equals(reading.outcome()) || reading.usedByClaimId() != null || reading.fields().get("invoiceNumber") == null) continue;
            Map<String, String> f = reading.fields();
            if (f.get("total") == null || f.get("fundPaid") == null || f.get("selfPaid") == null || f.get("selfFunded") == null) return;
            total = total.plus(Money.of(f.get("total")));
            fund = fund.plus(Money.of(f.get("fundPaid"))).plus(f.get("otherPaid") == null ? Money.ZERO : Money.of(f.get("otherPaid")));
            self = self.plus(Money.of(f.get("selfPaid")));
            selfFunded = selfFunded.plus(Money.of(f.get("selfFunded")));
            receipts++;
        }
        if (receipts > 0) readings.fillExpenses(claimId, new Expenses(total, fund, self, selfFunded));
    }

    private void fillHospitalStay(long claimId, Recognition r) {
        String admission = r.fields().get("admissionDate");
        String discharge = r.fields().get("dischargeDate");
        if (admission != null && discharge != null) readings.fillHospitalStay(claimId, LocalDate.parse(admission), LocalDate.parse(discharge));
    }

    /** The timeline's words for what was read. */
    static String summary(List<Reading> read) {
        long ok = read.stream().filter(r -> "READ".equals(r.outcome())).count();
        StringBuilder text = new StringBuilder("票据识别完成：识别 " + ok + " 份");
        if (ok < read.size()) text.append("，").append(read.size() - ok).append(" 份无法识别");
        read.stream().filter(r -> r.usedByClaimId() != null).forEach(r -> text.append("；").append(r.message()));
        return text.toString();
    }

    /** What was read from one document, as the claim shows it. */
    record Reading(long documentId, String outcome, String documentType, String source, Map<String, String> fields,
                   Map<String, Double> confidence, List<String> warnings, Long usedByClaimId, String message) {
    }

    List<Reading> readingsOf(long claimId) {
        List<Reading> out = new ArrayList<>();
        for (DocumentReadingRepository.Stored s : readings.ofClaim(claimId)) {
            Stored result = s.resultCipher() == null ? Stored.NONE : JSON.readValue(cipher.decryptBytes(s.resultCipher()), Stored.class);
            out.add(new Reading(s.documentId(), s.outcome(), s.documentType(), s.source(), result.fields(), result.confidence(),
                    result.warnings(), s.usedByClaimId(), s.message()));
        }
        return out;
    }

    /** The part of a recognition kept encrypted. */
    record Stored(Map<String, String> fields, Map<String, Double> confidence, List<String> warnings) {
        static final Stored NONE = new Stored(Map.of(), Map.of(), List.of());
    }

    private byte[] seal(Recognition r) {
        return cipher.encryptBytes(JSON.writeValueAsBytes(new Stored(new LinkedHashMap<>(r.fields()),
                new LinkedHashMap<>(r.confidence()), r.warnings())));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
