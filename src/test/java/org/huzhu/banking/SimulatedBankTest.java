package org.huzhu.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huzhu.banking.BankReport.Entry;
import org.huzhu.banking.BankReport.TransactionStatus;
import org.huzhu.banking.iso20022.Iso20022Reader;
import org.huzhu.banking.iso20022.Pain001Writer;
import org.huzhu.banking.simulator.SimulatedBank;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated bank's rules over its HTTP front end, as docs/payouts.md states them: outcomes by the
 * data (0004 closed account, 「错」 or a listed name mismatched, 0013 paid then returned), a file sent
 * twice processed once, a transfer in a second file never paid again, a malformed file refused.
 */
class SimulatedBankTest {

    private static final java.time.Instant SENT_AT = java.time.Instant.parse("2026-11-23T02:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pain001Writer.Debtor FUND = new Pain001Writer.Debtor("湖北省总工会职工互助保障金", "4202000109300123456", "中国工商银行");
    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatedBank bank;

    @BeforeEach
    void open() {
        bank = new SimulatedBank(new SimulatedBank.Settings(0, Duration.ofMillis(10), Duration.ofDays(2), Set.of("王名单"),
                "4202000109300123456", "湖北省总工会职工互助保障金", Money.of("100000.00")));
    }

    @AfterEach
    void close() {
        bank.close();
    }

    private static CreditTransfer transfer(String e2e, String name, String account, String amount) {
        return new CreditTransfer(e2e, name, "中国农业银行", account, Money.of(amount), "互助金 " + e2e);
    }

    private JsonNode post(String xml) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(bank.url().resolve("/payments"))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        return JSON.createObjectNode().put("status", r.statusCode()).set("body", body);
    }

    private List<JsonNode> messages(int atLeast) throws Exception {
        return messages(atLeast, Duration.ofSeconds(10));
    }

    /** The bank's messages once there are {@code atLeast}, or whatever there is after {@code patience}. */
    private List<JsonNode> messages(int atLeast, Duration patience) throws Exception {
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bank.url() + "/messages?after=0&limit=100")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(r.body()).forEach(out::add);
            if (out.size() >= atLeast || System.nanoTime() > until) return out;
            Thread.sleep(20);
        }
    }

    @Test
    void decidesEachTransferByItsDataAndReturnsTheBouncingOneWhenItsTimeComes() throws Exception {
        String file = Pain001Writer.write(new PaymentFile("HZPB-T-1", SENT_AT, SENT_AT.atZone(java.time.ZoneOffset.ofHours(8)).toLocalDate(), List.of(
                transfer("HZ-1-1", "张三", "6228480012345678901", "100.00"),
                transfer("HZ-2-1", "李四", "6228480012345670004", "200.00"),
                transfer("HZ-3-1", "钱错", "6228480012345678919", "300.00"),
                transfer("HZ-4-1", "王名单", "6228480012345678927", "400.00"),
                transfer("HZ-5-1", "赵六", "6228480012345670013", "500.00"))), FUND);

        assertThat(post(file).path("body").path("accepted").asBoolean()).isTrue();
        List<JsonNode> answers = messages(3);

        assertThat(answers).extracting(m -> m.path("kind").asString())
                .containsExactly(BankMessage.STATUS_REPORT, BankMessage.STATUS_REPORT, BankMessage.NOTIFICATION);
        assertThat(Iso20022Reader.statusReport(answers.get(0).path("xml").asString()).groupStatus()).isEqualTo("ACCP");
        BankReport.StatusReport report = Iso20022Reader.statusReport(answers.get(1).path("xml").asString());
        assertThat(report.groupStatus()).isEqualTo("PART");
        assertThat(report.transactions()).extracting(TransactionStatus::endToEndId, TransactionStatus::status, TransactionStatus::reasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HZ-1-1", "ACSC", null),
                        org.assertj.core.groups.Tuple.tuple("HZ-2-1", "RJCT", "AC04"),
                        org.assertj.core.groups.Tuple.tuple("HZ-3-1", "RJCT", "BE01"),
                        org.assertj.core.groups.Tuple.tuple("HZ-4-1", "RJCT", "BE01"),
                        org.assertj.core.groups.Tuple.tuple("HZ-5-1", "ACSC", null));
        assertThat(Iso20022Reader.notification(answers.get(2).path("xml").asString()).entries())
                .extracting(Entry::endToEndId, Entry::credit, Entry::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HZ-1-1", false, Money.of("100.00")),
                        org.assertj.core.groups.Tuple.tuple("HZ-5-1", false, Money.of("500.00")));
        assertThat(bank.balance()).isEqualTo(Money.of("99400.00"));
        assertThat(messages(4, Duration.ofMillis(500))).hasSize(3);   // the return is not due yet

        bank.advanceClock(Duration.ofDays(3));
        List<JsonNode> later = messages(4);
        BankReport.Notification returned = Iso20022Reader.notification(later.get(3).path("xml").asString());
        assertThat(returned.entries()).extracting(Entry::endToEndId, Entry::credit, Entry::isReturn, Entry::returnReasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HZ-5-1", true, true, "AC04"));
        assertThat(bank.balance()).isEqualTo(Money.of("99900.00"));
        assertThat(bank.timesPaid("HZ-5-1")).isEqualTo(1);
    }

    @Test
    void aFileSentTwiceIsProcessedOnceAndATransferInAnotherFileIsNotPaidAgain() throws Exception {
        String file = Pain001Writer.write(new PaymentFile("HZPB-T-2", SENT_AT, SENT_AT.atZone(java.time.ZoneOffset.ofHours(8)).toLocalDate(), List.of(
                transfer("HZ-7-1", "孙七", "6228480012345678935", "700.00"))), FUND);
        assertThat(post(file).path("body").path("duplicate").asBoolean()).isFalse();
        assertThat(post(file).path("body").path("duplicate").asBoolean()).isTrue();
        String other = Pain001Writer.write(new PaymentFile("HZPB-T-3", SENT_AT, SENT_AT.atZone(java.time.ZoneOffset.ofHours(8)).toLocalDate(), List.of(
                transfer("HZ-7-1", "孙七", "6228480012345678935", "700.00"))), FUND);
        assertThat(post(other).path("body").path("duplicate").asBoolean()).isFalse();

        List<JsonNode> answers = messages(5);

        assertThat(bank.timesPaid("HZ-7-1")).isEqualTo(1);
        assertThat(bank.balance()).isEqualTo(Money.of("99300.00"));
        assertThat(answers).extracting(m -> m.path("kind").asString()).containsExactly(BankMessage.STATUS_REPORT, BankMessage.STATUS_REPORT,
                BankMessage.NOTIFICATION, BankMessage.STATUS_REPORT, BankMessage.STATUS_REPORT);
        assertThat(Iso20022Reader.statusReport(answers.get(4).path("xml").asString()).transactions().getFirst().status())
                .as("the earlier outcome, reported again").isEqualTo("ACSC");
    }

    @Test
    void aMalformedFileIsRefusedWithTheReason() throws Exception {
        String file = Pain001Writer.write(new PaymentFile("HZPB-T-4", SENT_AT, SENT_AT.atZone(java.time.ZoneOffset.ofHours(8)).toLocalDate(), List.of(
                transfer("HZ-8-1", "周八", "6228480012345678943", "800.00"))), FUND).replace("<PmtMtd>TRF</PmtMtd>", "");

        JsonNode answer = post(file);

        assertThat(answer.path("status").asInt()).isEqualTo(400);
        assertThat(answer.path("body").path("accepted").asBoolean()).isFalse();
        assertThat(answer.path("body").path("detail").asString()).contains("不符合报文规范");
        assertThat(messages(1, Duration.ofMillis(300))).isEmpty();
        assertThat(bank.payments()).isEmpty();
    }
}
