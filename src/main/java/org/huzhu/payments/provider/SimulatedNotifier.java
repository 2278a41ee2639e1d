package org.huzhu.payments.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated provider's notifications: signed, posted to the order's notify URL after a delay
 * and as many times as its rules say, each delivery kept with Huzhu's answer.
 */
public final class SimulatedNotifier implements AutoCloseable {

    /** One notification posted to Huzhu and Huzhu's answer (status 0: no answer). */
    public record Delivery(String orderNo, String notificationId, int status, String answer) {
    }

    private final String apiKey;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "payment-sim-notify");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Delivery> deliveries = new ArrayList<>();

    SimulatedNotifier(String apiKey) {
        this.apiKey = apiKey;
    }

    void later(Map<String, Object> body, URI notifyUrl, Duration delay, int times) {
        String json = PaymentProtocol.JSON.writeValueAsString(body);
        String orderNo = (String) body.get("orderNo");
        String id = (String) body.get("id");
        executor.schedule(() -> {
            for (int i = 0; i < times; i++) deliver(orderNo, id, notifyUrl, json);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized List<Delivery> deliveries(String orderNo) {
        return deliveries.stream().filter(d -> d.orderNo().equals(orderNo)).toList();
    }

    private void deliver(String orderNo, String id, URI notifyUrl, String json) {
        PaymentProtocol.Signed signed = PaymentProtocol.signMessage(apiKey, clock.instant(), json);
        HttpRequest request = HttpRequest.newBuilder(notifyUrl).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(PaymentProtocol.TIMESTAMP, signed.timestamp())
                .header(PaymentProtocol.NONCE, signed.nonce())
                .header(PaymentProtocol.SIGNATURE, signed.signature())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        Delivery delivery;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            delivery = new Delivery(orderNo, id, response.statusCode(), response.body());
        } catch (IOException e) {
            delivery = new Delivery(orderNo, id, 0, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            deliveries.add(delivery);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
