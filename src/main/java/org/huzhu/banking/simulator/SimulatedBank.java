package org.huzhu.banking.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huzhu.banking.BankMessage;
import org.huzhu.banking.BankReasons;
import org.huzhu.banking.BankReport.Entry;
import org.huzhu.banking.BankReport.TransactionStatus;
import org.huzhu.banking.iso20022.BankSideWriter;
import org.huzhu.banking.iso20022.Pain001Reader;
import org.huzhu.banking.iso20022.Schemas;
import org.huzhu.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated bank. {@code POST /payments} takes a pain.001.001.09 file: malformed or off-schema
 * → 400 with the reason; a message id it already has → accepted as a duplicate, not processed again.
 * A worker answers after {@code answerDelay}: a pain.002 with group status ACCP, then a final pain.002
 * with ACSC or RJCT (reason code) per transfer, and a camt.054 debiting the fund's account for the
 * settled ones (one batch booking: a debit entry for the total with one detail per transfer). An end-to-end id it has seen before is never paid again: its earlier outcome is
 * reported again. Outcomes by data: account ending 0004 → RJCT AC04 (账户已销户); payee name with
 * 「错」 or in {@code rejectNames} → RJCT BE01 (户名不符); account ending 0013 → settled, then returned
 * (camt.054 credit, reason AC04) once the bank's clock is {@code bounceAfter} past the payment.
 * {@code GET /messages?after=N&limit=M} lists what it produced (JSON: seq, id, kind, xml). The bank's
 * clock can be moved on ({@link #advanceClock}, or {@code POST /admin/advance?seconds=N}), and
 * {@link #closeDay} issues the day's camt.053. Everything lives in memory: the bank outlives the
 * fund's application only when it runs in another process (the crash tests run it in the test JVM).
 */
public final class SimulatedBank implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedBank.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How the bank behaves. {@code port} 0 picks a free port. */
    public record Settings(int port, Duration answerDelay, Duration bounceAfter, Set<String> rejectNames, String fundAccount,
                           String fundName, Money openingBalance) {
    }

    private record Outcome(String status, String reasonCode) {
    }

    private record Message(long seq, String id, String kind, String xml) {
    }

    private record Bounce(String endToEndId, Money amount, Instant due) {
    }

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService http = Executors.newFixedThreadPool(2, r -> daemon(r, "bank-http"));
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bank-worker"));
    private final Clock realClock = Clock.systemUTC();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, Integer> debits = new HashMap<>();
    private final Set<String> files = new java.util.HashSet<>();
    private final Map<String, Integer> received = new java.util.HashMap<>();
    private final List<Message> outbox = new ArrayList<>();
    private final List<Bounce> bounces = new ArrayList<>();
    /** Files accepted and not yet answered, in arrival order. */
    private final java.util.ArrayDeque<Pain001Reader.Read> unanswered = new java.util.ArrayDeque<>();
    private final Map<LocalDate, List<Entry>> entriesByDay = new LinkedHashMap<>();
    private final Map<LocalDate, Money> openingByDay = new HashMap<>();
    /** Sequence numbers start from the start time, so that a restarted bank's numbers stay above an old cursor. */
    private final long sequenceBase = System.currentTimeMillis() * 1000;
    private Money balance;
    private Duration offset = Duration.ZERO;
    private long messageCounter;

    public SimulatedBank(Settings settings) {
        this.settings = settings;
        this.balance = settings.openingBalance() == null ? Money.ZERO : settings.openingBalance();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        } catch (IOException e) {
            throw new IllegalStateException("simulated bank cannot listen on 127.0.0.1:" + settings.port(), e);
        }
        server.setExecutor(http);
        server.createContext("/payments", this::payments);
        server.createContext("/messages", this::messages);
        server.createContext("/admin/advance", this::advance);
        server.createContext("/admin/close-day", this::closeDayHttp);
        server.start();
        log.info("Simulated bank listening at {}", url());
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- what tests ask -----------------------------------------------------------------

    /** How many times the bank debited the fund for {@code endToEndId} (never more than once). */
    public synchronized int timesPaid(String endToEndId) {
        return debits.getOrDefault(endToEndId, 0);
    }

    /** How many times a payment file with this message id reached the bank (a resend after a crash included). */
    public synchronized int filesReceived(String messageId) {
        return received.getOrDefault(messageId, 0);
    }

    /** Every end-to-end id the bank debited, with the count (each 1). */
    public synchronized Map<String, Integer> payments() {
        return Map.copyOf(debits);
    }

    /** The fund's balance at the bank. */
    public synchronized Money balance() {
        return balance;
    }

    /** Moves the bank's clock on (returns fall due by it). */
    public synchronized void advanceClock(Duration by) {
        offset = offset.plus(by);
    }

    public synchronized int messageCount() {
        return outbox.size();
    }

    /** Answers every file accepted and not yet answered now, instead of after the answer delay (tests). */
    public synchronized void answerNow() {
        while (!unanswered.isEmpty()) process(unanswered.poll());
    }

    /** How many files the bank accepted and has not answered yet. */
    public synchronized int unanswered() {
        return unanswered.size();
    }

    /** Every entry the bank booked on the fund's account (payout debits and returns), oldest first. */
    public synchronized List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        entriesByDay.values().forEach(all::addAll);
        return all;
    }

    /**
     * Publishes an earlier message again, as a bank's front-end processor may: under its own id
     * ({@code asNewMessage} false: a redelivery) or as a copy under a new message id (true: the same
     * statuses reported twice). Returns the id it went out under.
     */
    public synchronized String redeliver(String messageId, boolean asNewMessage) {
        Message earlier = outbox.stream().filter(m -> m.id().equals(messageId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the bank never sent " + messageId));
        if (!asNewMessage) {
            publish(earlier.id(), earlier.kind(), earlier.xml());
            return earlier.id();
        }
        String copy = nextId("DUP");
        publish(copy, earlier.kind(), earlier.xml().replace("<MsgId>" + earlier.id() + "</MsgId>", "<MsgId>" + copy + "</MsgId>"));
        return copy;
    }

    /** Issues the camt.053 statement of {@code day}: opening and closing balance and the day's entries. */
    public synchronized String closeDay(LocalDate day) {
        List<Entry> entries = entriesByDay.getOrDefault(day, List.of());
        Money opening = openingByDay.getOrDefault(day, balance);
        Money closing = opening;
        for (Entry e : entries) closing = e.credit() ? closing.plus(e.amount()) : closing.minus(e.amount());
        String id = nextId("STMT");
        String xml = BankSideWriter.statement(id, now(), account(), day, opening, closing, entries);
        publish(id, BankMessage.STATEMENT, xml);
        return id;
    }

    // ---- HTTP ----------------------------------------------------------------------------

    private void payments(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("accepted", false, "detail", "POST only"));
                return;
            }
            String xml;
            try (InputStream in = exchange.getRequestBody()) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Pain001Reader.Read file;
            try {
                file = Pain001Reader.readValidated(xml);   // checked against the schema and read in one pass
            } catch (Schemas.InvalidDocumentException e) {
                answer(exchange, 400, Map.of("accepted", false, "duplicate", false, "detail", e.getMessage()));
                return;
            }
            boolean fresh;
            synchronized (this) {
                received.merge(file.messageId(), 1, Integer::sum);
                fresh = files.add(file.messageId());
                if (fresh) unanswered.add(file);
            }
            if (fresh) worker.schedule(this::answerNow, settings.answerDelay().toMillis(), TimeUnit.MILLISECONDS);
            answer(exchange, 200, Map.of("accepted", true, "duplicate", !fresh,
                    "detail", fresh ? "已受理 " + file.transfers().size() + " 笔" : "报文 " + file.messageId() + " 已受理过，不重复处理"));
        } catch (RuntimeException e) {
            log.warn("simulated bank failed on a payment file", e);
            answer(exchange, 500, Map.of("accepted", false, "duplicate", false, "detail", String.valueOf(e.getMessage())));
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI());
            long after = Long.parseLong(query.getOrDefault("after", "0"));
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            List<Map<String, Object>> out = new ArrayList<>();
            synchronized (this) {
                returnDueBounces();
                for (Message m : outbox) {
                    if (m.seq() <= after) continue;
                    if (out.size() >= limit) break;
                    out.add(Map.of("seq", m.seq(), "id", m.id(), "kind", m.kind(), "xml", m.xml()));
                }
            }
            answer(exchange, 200, out);
        }
    }

    private void advance(HttpExchange exchange) throws IOException {
        try (exchange) {
            long seconds = Long.parseLong(query(exchange.getRequestURI()).getOrDefault("seconds", "0"));
            advanceClock(Duration.ofSeconds(seconds));
            answer(exchange, 200, Map.of("now", now().toString()));
        }
    }

    private void closeDayHttp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String date = query(exchange.getRequestURI()).get("date");
            LocalDate day = date == null ? LocalDate.ofInstant(now(), java.time.ZoneOffset.ofHours(8)) : LocalDate.parse(date);
            answer(exchange, 200, Map.of("messageId", closeDay(day)));
        }
    }

    // ---- the bank's work -----------------------------------------------------------------

    private void process(Pain001Reader.Read file) {
        try {
            synchronized (this) {
                String accepted = nextId("ACCP");
                publish(accepted, BankMessage.STATUS_REPORT,
                        BankSideWriter.statusReport(accepted, now(), file.messageId(), file.transfers().size(), "ACCP", List.of()));
                List<TransactionStatus> statuses = new ArrayList<>(file.transfers().size());
                List<Entry> paid = new ArrayList<>();
                LocalDate today = today();
                int settled = 0;
                for (Pain001Reader.Transfer t : file.transfers()) {
                    Outcome earlier = outcomes.get(t.endToEndId());
                    Outcome outcome = earlier != null ? earlier : decide(t);
                    if (earlier == null) {
                        outcomes.put(t.endToEndId(), outcome);
                        if (outcome.status().equals("ACSC")) {
                            Money amount = new Money(t.amount());
                            debit(t.endToEndId(), amount, today, paid);
                            if (t.account().endsWith("0013")) bounces.add(new Bounce(t.endToEndId(), amount, now().plus(settings.bounceAfter())));
                        }
                    }
                    if (outcome.status().equals("ACSC")) settled++;
                    statuses.add(new TransactionStatus(t.endToEndId(), outcome.status(), outcome.reasonCode(),
                            outcome.reasonCode() == null ? null : BankReasons.chinese(outcome.reasonCode())));
                }
                String group = settled == statuses.size() ? "ACSC" : settled == 0 ? "RJCT" : "PART";
                String finalId = nextId("STS");
                publish(finalId, BankMessage.STATUS_REPORT,
                        BankSideWriter.statusReport(finalId, now(), file.messageId(), file.transfers().size(), group, statuses));
                if (!paid.isEmpty()) {
                    String note = nextId("NTF");
                    publish(note, BankMessage.NOTIFICATION, BankSideWriter.batchNotification(note, now(), account(), today,
                            file.messageId(), paid));
                }
            }
        } catch (RuntimeException e) {
            log.error("simulated bank could not process file {}", file.messageId(), e);
        }
    }

    private Outcome decide(Pain001Reader.Transfer t) {
        if (!"CNY".equals(t.currency())) return new Outcome("RJCT", "AM03");
        if (t.account() == null || t.account().endsWith("0004")) return new Outcome("RJCT", "AC04");
        String name = t.payeeName() == null ? "" : t.payeeName();
        if (name.contains("错") || settings.rejectNames().contains(name)) return new Outcome("RJCT", "BE01");
        return new Outcome("ACSC", null);
    }

    private void debit(String endToEndId, Money amount, LocalDate day, List<Entry> notified) {
        openingByDay.putIfAbsent(day, balance);
        balance = balance.minus(amount);
        debits.merge(endToEndId, 1, Integer::sum);
        Entry entry = new Entry(endToEndId, false, amount, day, null, null, "互助金支付 " + endToEndId);
        entriesByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(entry);
        notified.add(entry);
    }

    /** Returns that have fallen due by the bank's clock become one camt.054 crediting the money back. */
    private void returnDueBounces() {
        Instant now = now();
        List<Entry> returned = new ArrayList<>();
        LocalDate today = today();
        bounces.removeIf(b -> {
            if (b.due().isAfter(now)) return false;
            openingByDay.putIfAbsent(today, balance);
            balance = balance.plus(b.amount());
            Entry entry = new Entry(b.endToEndId(), true, b.amount(), today, "AC04", BankReasons.chinese("AC04"), "退票 " + b.endToEndId());
            entriesByDay.computeIfAbsent(today, d -> new ArrayList<>()).add(entry);
            returned.add(entry);
            return true;
        });
        if (!returned.isEmpty()) {
            String id = nextId("RTN");
            publish(id, BankMessage.NOTIFICATION, BankSideWriter.notification(id, now, account(), returned));
        }
    }

    private void publish(String id, String kind, String xml) {
        outbox.add(new Message(sequenceBase + outbox.size() + 1L, id, kind, xml));
    }

    private String nextId(String prefix) {
        return "SIM" + prefix + "-" + (++messageCounter) + "-" + Long.toString(realClock.millis(), 36).toUpperCase();
    }

    private BankSideWriter.Account account() {
        return new BankSideWriter.Account(settings.fundAccount(), settings.fundName().length() > 70
                ? settings.fundName().substring(0, 70) : settings.fundName());
    }

    private synchronized Instant now() {
        return realClock.instant().plus(offset);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), java.time.ZoneOffset.ofHours(8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String q = uri.getRawQuery();
        if (q == null) return out;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        server.stop(0);
        worker.shutdownNow();
        http.shutdownNow();
    }

}
