package org.huzhu.banking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.banking.iso20022.Pain001Writer;
import org.huzhu.banking.simulator.SimulatedBank;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank over HTTP in ISO 20022: payment files go out as pain.001.001.09 ({@code POST {url}/payments},
 * body the XML; answer JSON {@code accepted}, {@code duplicate}, {@code detail}); the bank's messages
 * come in from {@code GET {url}/messages?after=&limit=} (JSON list of {@code seq}, {@code id},
 * {@code kind}, {@code xml}). With no URL configured and the simulator running, talks to the simulator.
 */
@Component
class Iso20022BankAdapter implements BankAdapter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BankProperties properties;
    private final ObjectProvider<SimulatedBank> simulator;
    private final HttpClient http;

    Iso20022BankAdapter(BankProperties properties, ObjectProvider<SimulatedBank> simulator) {
        this.properties = properties;
        this.simulator = simulator;
        this.http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String render(PaymentFile file) {
        return Pain001Writer.write(file, new Pain001Writer.Debtor(properties.fundName(), properties.fundAccount(), properties.fundBank()));
    }

    @Override
    public BankAcceptance send(String messageId, String document) {
        HttpRequest request = HttpRequest.newBuilder(base().resolve("/payments")).timeout(properties.timeout())
                .header("Content-Type", "application/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(document, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = call(request);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new BankUnavailableException("银行前置机应答无法识别（" + response.statusCode() + "）");
        }
        if (response.statusCode() >= 500) throw new BankUnavailableException("银行前置机错误（" + response.statusCode() + "）：" + body.path("detail").asString());
        return new BankAcceptance(body.path("accepted").asBoolean(), body.path("duplicate").asBoolean(), body.path("detail").asString());
    }

    @Override
    public List<Incoming> fetch(long afterSequence, int limit) {
        HttpRequest request = HttpRequest.newBuilder(base().resolve("/messages?after=" + afterSequence + "&limit=" + limit))
                .timeout(properties.timeout()).GET().build();
        HttpResponse<String> response = call(request);
        if (response.statusCode() != 200) throw new BankUnavailableException("银行前置机错误（" + response.statusCode() + "）");
        List<Incoming> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(response.body())) {
            out.add(new Incoming(m.path("seq").asLong(), m.path("id").asString(), m.path("kind").asString(), m.path("xml").asString()));
        }
        return out;
    }

    @Override
    public boolean configured() {
        return !properties.url().isBlank() || simulator.getIfAvailable() != null;
    }

    private URI base() {
        if (!properties.url().isBlank()) return URI.create(properties.url().replaceAll("/+$", ""));
        SimulatedBank bank = simulator.getIfAvailable();
        if (bank == null) throw new BankUnavailableException("未配置银行前置机地址（huzhu.bank.url）");
        return bank.url();
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BankUnavailableException("无法连接银行前置机：" + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BankUnavailableException("与银行前置机的通信被中断");
        }
    }
}
