package org.huzhu.notifications.sms;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Pulls delivery reports ({@code GET /sms/reports?max=500}) and replies ({@code GET /sms/replies?max=500})
 * every poll interval, hands them to the {@link SmsInbound}, and acknowledges them
 * ({@code POST .../ack}) only after it returned; what it did not take is served again by the provider.
 * A full batch is followed at once by the next one.
 */
final class HttpSmsPoller implements AutoCloseable {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(HttpSmsPoller.class);

    private final HttpSmsGateway gateway;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private volatile SmsInbound inbound;

    HttpSmsPoller(HttpSmsGateway gateway, Duration interval, Clock clock) {
        this.gateway = gateway;
        this.interval = interval;
        this.clock = clock;
    }

    synchronized void start(SmsInbound inbound) {
        this.inbound = inbound;
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("sms-http-poller").unstarted(r));
        timer.scheduleWithFixedDelay(this::pollOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void pollOnce() {
        try {
            while (reports() == BATCH) {
                log.debug("full batch of reports; pulling the next one");
            }
            while (replies() == BATCH) {
                log.debug("full batch of replies; pulling the next one");
            }
        } catch (IOException | JacksonException e) {
            log.warn("Pulling SMS reports or replies failed ({}); trying again in {} s", e.getClass().getSimpleName(), interval.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The inbound side failed on SMS reports or replies ({}); they stay unacknowledged", e.getClass().getSimpleName());
        }
    }

    private int reports() throws IOException, InterruptedException {
        JsonNode batch = fetch("/sms/reports?max=" + BATCH);
        if (batch.isEmpty()) return 0;
        List<DeliveryReceipt> receipts = new ArrayList<>(batch.size());
        List<String> ids = new ArrayList<>(batch.size());
        for (JsonNode report : batch) {
            String bizId = report.path("bizId").asString("");
            if (bizId.isBlank()) continue;
            DeliveryReceipt.State state = state(report.path("status").asString(""));
            String error = state == DeliveryReceipt.State.DELIVERED ? null : blankToNull(report.path("errCode").asString(""));
            receipts.add(new DeliveryReceipt(bizId, reference(report.path("outId").asString("")), state, error,
                    instant(report.path("doneAt").asString(""))));
            ids.add(bizId);
        }
        if (!receipts.isEmpty()) inbound.receipts(receipts);
        acknowledge("/sms/reports/ack", "bizIds", ids);
        return batch.size();
    }

    private int replies() throws IOException, InterruptedException {
        JsonNode batch = fetch("/sms/replies?max=" + BATCH);
        List<String> handled = new ArrayList<>(batch.size());
        try {
            for (JsonNode reply : batch) {
                inbound.reply(new InboundSms(reply.path("phoneNumber").asString(""), reply.path("content").asString(""),
                        instant(reply.path("receivedAt").asString(""))));
                handled.add(reply.path("replyId").asString(""));
            }
        } finally {
            acknowledge("/sms/replies/ack", "replyIds", handled);
        }
        return batch.size();
    }

    private JsonNode fetch(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = gateway.send("GET", path, "");
        if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " on " + path);
        JsonNode batch = HttpSmsGateway.JSON.readTree(response.body());
        if (!batch.isArray()) throw new IOException("not a JSON array from " + path);
        return batch;
    }

    private void acknowledge(String path, String field, List<String> ids) throws IOException, InterruptedException {
        if (ids.isEmpty()) return;
        HttpResponse<String> response = gateway.send("POST", path, HttpSmsGateway.JSON.writeValueAsString(Map.of(field, ids)));
        if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " on " + path);
        log.debug("acknowledged {} on {}", ids.size(), path);
    }

    private static DeliveryReceipt.State state(String status) {
        return switch (status) {
            case "DELIVERED" -> DeliveryReceipt.State.DELIVERED;
            case "FAILED" -> DeliveryReceipt.State.UNDELIVERABLE;
            case "EXPIRED" -> DeliveryReceipt.State.EXPIRED;
            case "REJECTED" -> DeliveryReceipt.State.REJECTED;
            default -> DeliveryReceipt.State.UNKNOWN;
        };
    }

    private static Long reference(String outId) {
        try {
            return outId.isBlank() ? null : Long.valueOf(outId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Instant instant(String iso) {
        try {
            return iso.isBlank() ? clock.instant() : OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
    }
}
