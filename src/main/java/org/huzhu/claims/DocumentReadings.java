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
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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
 * one is read; so is a claim waiting for a material ({@link MaterialWait}) when new receipts are read. A document left unread by a restart or a full queue is picked up by the sweep.
 */
@Component
class DocumentReadings {

    /** The kinds of document that are read; a claim's judgement waits only for {@link #AWAITED_KINDS}. */
    static final List<String> READ_KINDS = List.of("RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY", "DIAGNOSIS_CERTIFICATE");
    static final List<String> AWAITED_KINDS = List.of("RECEIPT", "SETTLEMENT");
    private static final List<String> MEDICAL_RECORDS = List.of("DISCHARGE_SUMMARY", "DIAGNOSIS_CERTIFICATE");
    private static final Logger log = LoggerFactory.getLogger(DocumentReadings.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DocumentReadingRepository readings;
    private final Recognitions recognitions;
    private final PersonalDataCipher cipher;
    private final ObjectProvider<Claims> front;
    private final TransactionTemplate tx;
    private final ThreadPoolExecutor pool;
    private final DiagnosisSuggestions suggestions;

    DocumentReadings(DocumentReadingRepository readings, Recognitions recognitions, DiagnosisNames diagnosisNames,
                     PersonalDataCipher cipher, ObjectProvider<Claims> front, PlatformTransactionManager transactions,
                     @Value("${huzhu.claims.reading-threads:2}") int threads,
                     @Value("${huzhu.claims.reading-queue:500}") int queue) {
        this.readings = readings;
        this.recognitions = recognitions;
        this.suggestions = new DiagnosisSuggestions(diagnosisNames);
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

    /**
     * A document to read. The attaching call hands over the bytes it holds (so they are not read back
     * and decrypted again) while the documents waiting in the queue hold at most {@link #HELD_BYTES};
     * past that, and for documents the sweep finds, {@code content} is null and the reader loads it.
     */
    record ToRead(long claimId, long documentId, String fileName, byte[] content) {
    }

    /** The most bytes of attached documents that queued readings keep in memory. */
    static final long HELD_BYTES = 32L << 20;
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();

    /**
     * After the attaching transaction commits, queues the documents of a kind that is read, together:
     * one task reads them and records what it read in one transaction. {@code contents} are the
     * documents' bytes, in the order of {@code documents}.
     */
    void attached(List<ClaimRepository.DocumentRow> documents, List<byte[]> contents, long claimId) {
        List<ToRead> toRead = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            ClaimRepository.DocumentRow d = documents.get(i);
            if (READ_KINDS.contains(d.kind())) toRead.add(new ToRead(claimId, d.id(), d.fileName(), contents.get(i)));
        }
        if (toRead.isEmpty()) return;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(toRead);
                }
            });
        } else {
            queue(toRead);
        }
    }

    private void queue(List<ToRead> documents) {
        long bytes = documents.stream().mapToLong(d -> d.content() == null ? 0 : d.content().length).sum();
        List<ToRead> task = documents;
        if (bytes > 0 && held.addAndGet(bytes) > HELD_BYTES) {
            held.addAndGet(-bytes);
            bytes = 0;
            task = documents.stream().map(d -> new ToRead(d.claimId(), d.documentId(), d.fileName(), null)).toList();
        }
        long reserved = bytes;
        List<ToRead> work = task;
        try {
            pool.execute(() -> {
                try {
                    read(work);
                } finally {
                    held.addAndGet(-reserved);
                }
            });
        } catch (RejectedExecutionException full) {
            held.addAndGet(-reserved);
            log.info("Reading queue full; documents {} are left to the sweep", documents.stream().map(ToRead::documentId).toList());
        }
    }

    /** Documents that a restart or a full queue left unread, a claim's together; one instance at a time. */
    @Scheduled(fixedDelayString = "${huzhu.claims.reading-sweep:PT30S}", initialDelayString = "${huzhu.claims.reading-sweep:PT30S}")
    @SchedulerLock(name = "claims-reading-sweep", lockAtLeastFor = "PT5S", lockAtMostFor = "PT5M")
    void sweep() {
        if (pool.getQueue().size() > pool.getQueue().remainingCapacity()) return;
        Map<Long, List<ToRead>> byClaim = new LinkedHashMap<>();
        for (DocumentReadingRepository.Unread u : readings.leftBehind(READ_KINDS, 1, 100)) {
            byClaim.computeIfAbsent(u.claimId(), c -> new ArrayList<>()).add(new ToRead(u.claimId(), u.documentId(), u.fileName(), null));
        }
        byClaim.values().forEach(this::queue);
    }

    /**
     * Reads documents of one claim, outside any transaction (loading those whose bytes were not handed
     * over, if they are still unread); then records them all and pre-fills the claim in one
     * transaction, and judges the claim if it was waiting for them. A document read meanwhile by
     * another worker is recorded once (the reading's primary key).
     */
    void read(List<ToRead> documents) {
        List<ToRead> ready = new ArrayList<>(documents.stream().filter(d -> d.content() != null).toList());
        List<Long> load = documents.stream().filter(d -> d.content() == null).map(ToRead::documentId).toList();
        if (!load.isEmpty()) {
            for (DocumentReadingRepository.UnreadContent u : readings.unread(load)) {
                ready.add(new ToRead(u.claimId(), u.documentId(), u.fileName(), cipher.decryptBytes(u.contentCipher())));
            }
        }
        if (ready.isEmpty()) return;
        long claimId = ready.getFirst().claimId();
        List<Outcome> outcomes = new ArrayList<>();
        for (ToRead doc : ready) {
            if (doc.claimId() != claimId) throw new IllegalArgumentException("documents of several claims read together");
            Recognition recognition = null;
            String failure = null;
            try {
                recognition = recognitions.recognise(doc.fileName(), doc.content());
            } catch (UnreadableUploadException | UploadTooLargeException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                log.warn("Reading document {} failed: {}", doc.documentId(), e.getClass().getSimpleName());
                failure = "识别服务暂时不可用，请人工录入票据信息";
            }
            outcomes.add(new Outcome(doc.documentId(), recognition, failure));
        }
        boolean judgeNow = outcomes.stream().allMatch(o -> o.recognition() == null)
                ? recordUnreadable(claimId, outcomes)
                : Boolean.TRUE.equals(tx.execute(status -> record(claimId, outcomes)));
        if (judgeNow) front.getObject().judgeAfterReading(claimId);
    }

    /**
     * Records documents of which nothing could be read: the claim's lock and the readings in one statement, which is
     * its own transaction (no BEGIN and COMMIT round trips). Whether the claim now waits for nothing is asked after
     * it committed, so a reading of the same claim recorded meanwhile, which had to wait for this one's lock, is seen;
     * when both see none left, both ask for the judgement and the claim's decision lock lets only the first judge.
     */
    private boolean recordUnreadable(long claimId, List<Outcome> outcomes) {
        var recorded = readings.lockClaimAndRecordUnreadable(claimId, outcomes.stream().map(Outcome::documentId).toList(),
                outcomes.stream().map(Outcome::failure).toList()).orElse(null);
        return recorded != null && Claims.awaitingDecision(recorded.status()) && recorded.inserted() > 0
                && awaited(outcomes) && !readings.anyUnread(claimId, AWAITED_KINDS);
    }

    /** Whether any of these documents is one a claim's judgement waits for (a discharge summary read alone judges nothing). */
    private boolean awaited(List<Outcome> outcomes) {
        return readings.anyOfKinds(outcomes.stream().map(Outcome::documentId).toList(), AWAITED_KINDS);
    }

    /** What reading one document gave: a recognition, or the reason it could not be read. */
    private record Outcome(long documentId, Recognition recognition, String failure) {
    }

    /** Records documents of which at least one was read, in the caller's transaction; returns whether the claim now waits for nothing and is to be judged. */
    private boolean record(long claimId, List<Outcome> outcomes) {
        var claim = readings.lockClaim(claimId).orElse(null);
        if (claim == null) return false;
        List<Outcome> unreadable = outcomes.stream().filter(o -> o.recognition() == null).toList();
        boolean recorded = !unreadable.isEmpty() && readings.insertUnreadable(claimId, unreadable.stream().map(Outcome::documentId).toList(),
                unreadable.stream().map(Outcome::failure).toList()) > 0;
        int nextReceipt = claim.nextReceiptPosition();
        for (Outcome o : outcomes) {
            if (o.recognition() == null) continue;
            Boolean added = recordRead(claimId, claim, o.documentId(), o.recognition(), nextReceipt);
            if (added == null) continue;                    // read already (a second worker lost the race)
            recorded = true;
            if (added) nextReceipt++;
        }
        return recorded && Claims.awaitingDecision(claim.status()) && awaited(outcomes) && !readings.anyUnread(claimId, AWAITED_KINDS);
    }

    /**
     * Records one document that was read; null when it had been read already, else whether a receipt was added to the claim.
     * A discharge summary or a certificate adds no receipt; its main diagnosis gets its suggested code, and a summary's
     * stay fills a stay not typed, like an inpatient receipt's 住院时间.
     */
    private Boolean recordRead(long claimId, DocumentReadingRepository.ClaimState claim, long documentId, Recognition r, int receiptPosition) {
        boolean medicalRecord = MEDICAL_RECORDS.contains(r.documentType().name());
        String code = r.fields().get("invoiceCode");
        String number = r.fields().get("invoiceNumber");
        // a receipt handed in as a discharge summary or a certificate is recorded as read, but fills nothing
        boolean misfiled = !medicalRecord && code != null && number != null && MEDICAL_RECORDS.contains(readings.kindOf(documentId));
        boolean receipt = !medicalRecord && !misfiled && code != null && number != null;
        Long usedBy = receipt ? readings.otherClaimWithReceipt(claimId, code, number).orElse(null) : null;
        String message = usedBy == null ? null : "该票据（" + code + "-" + number + "）已用于理赔申请 #" + usedBy;
        if (!readings.insert(claimId, documentId, "READ", r.documentType().name(), r.source().name(), seal(r, suggestion(r)),
                receipt ? code : null, receipt ? number : null, usedBy, message)) {
            return null;
        }
        boolean open = claim.status() == ClaimStatus.DRAFT || Claims.awaitingDecision(claim.status());
        boolean added = false;
        if (open && receipt && usedBy == null && !readings.holdsReceipt(claimId, code, number)) {
            String total = r.fields().get("total");
            added = readings.addReceipt(claimId, receiptPosition, code, number, r.source() != TextSource.OCR,
                    total == null ? BigDecimal.ZERO : new BigDecimal(total));
        }
        if (open && !misfiled && !claim.expensesTyped()) fillExpenses(claimId);
        if (open && !misfiled && !claim.hospitalStayKnown()) fillHospitalStay(claimId, r);
        return added;
    }

    private ClaimView.DiagnosisSuggestionView suggestion(Recognition r) {
        String diagnosis = MEDICAL_RECORDS.contains(r.documentType().name()) ? r.fields().get("diagnosis") : null;
        if (diagnosis == null) return null;
        return suggestions.suggest(diagnosis)
                .map(s -> new ClaimView.DiagnosisSuggestionView(s.code(), s.name(), s.matched(), s.how().name(), null, null, null))
                .orElse(null);
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
                   Map<String, Double> confidence, List<String> warnings, Long usedByClaimId, String message,
                   ClaimView.DiagnosisSuggestionView suggestion) {

        /** A reading that suggests no diagnosis code (a receipt's). */
        Reading(long documentId, String outcome, String documentType, String source, Map<String, String> fields,
                Map<String, Double> confidence, List<String> warnings, Long usedByClaimId, String message) {
            this(documentId, outcome, documentType, source, fields, confidence, warnings, usedByClaimId, message, null);
        }
    }

    List<Reading> readingsOf(long claimId) {
        return readings.ofClaim(claimId).stream().map(this::reading).toList();
    }

    private Reading reading(DocumentReadingRepository.Stored s) {
        Stored result = s.resultCipher() == null ? Stored.NONE : JSON.readValue(cipher.decryptBytes(s.resultCipher()), Stored.class);
        return new Reading(s.documentId(), s.outcome(), s.documentType(), s.source(), result.fields(), result.confidence(),
                result.warnings(), s.usedByClaimId(), s.message(), result.suggestion());
    }

    /** A claim's documents and the readings of those read so far. */
    record Documents(List<ClaimRepository.DocumentRow> documents, List<Reading> readings) {

        /** Whether some document of a kind that is read has no reading yet. */
        boolean anyUnread() {
            java.util.Set<Long> read = new java.util.HashSet<>();
            readings.forEach(r -> read.add(r.documentId()));
            return documents.stream().anyMatch(d -> AWAITED_KINDS.contains(d.kind()) && !read.contains(d.id()));
        }
    }

    /** The documents as read with the claim, their readings decrypted. */
    Documents documents(List<ClaimRepository.DocumentAndReading> rows) {
        List<ClaimRepository.DocumentRow> documents = new ArrayList<>();
        List<Reading> read = new ArrayList<>();
        for (ClaimRepository.DocumentAndReading d : rows) {
            documents.add(d.document());
            if (d.reading() != null) read.add(reading(d.reading()));
        }
        return new Documents(documents, read);
    }

    /** The part of a recognition kept encrypted, with the diagnosis code it suggests and what people decided of it. */
    record Stored(Map<String, String> fields, Map<String, Double> confidence, List<String> warnings,
                  ClaimView.DiagnosisSuggestionView suggestion) {
        static final Stored NONE = new Stored(Map.of(), Map.of(), List.of(), null);
    }

    private byte[] seal(Recognition r, ClaimView.DiagnosisSuggestionView suggestion) {
        return cipher.encryptBytes(JSON.writeValueAsBytes(new Stored(new LinkedHashMap<>(r.fields()),
                new LinkedHashMap<>(r.confidence()), r.warnings(), suggestion)));
    }

    /** Records what was decided of a reading's suggested code (sealed again with the reading); false when it was decided already. */
    boolean decideSuggestion(long claimId, Reading reading, ClaimView.DiagnosisSuggestionView decided) {
        byte[] sealed = cipher.encryptBytes(JSON.writeValueAsBytes(new Stored(new LinkedHashMap<>(reading.fields()),
                new LinkedHashMap<>(reading.confidence()), reading.warnings(), decided)));
        return readings.replaceResult(claimId, reading.documentId(), sealed);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
