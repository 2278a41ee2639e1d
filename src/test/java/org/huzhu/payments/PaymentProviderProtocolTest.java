package org.huzhu.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.payments.PaymentProvider.Status;
import org.huzhu.payments.provider.PaymentProtocol;
import org.huzhu.payments.provider.SimulatedPaymentProvider;
import org.huzhu.shared.Money;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The HTTP client against the simulated provider on loopback: the protocol of docs/online-payments.md. */
class PaymentProviderProtocolTest extends ApiTest {

    @Autowired
    private PaymentProvider provider;
    @Autowired
    private SimulatedPaymentProvider simulator;

    private static final URI NOTIFY = URI.create("http://127.0.0.1:9/nowhere");

    @Test
    void creatingAnOrderIsIdempotentByOrderNumberAndRefusesAnotherAmount() {
        String orderNo = orderNo();
        var first = provider.createOrder(orderNo, Money.of("190.00"), "缴费", NOTIFY, Instant.now().plusSeconds(600));
        var again = provider.createOrder(orderNo, Money.of("190.00"), "缴费", NOTIFY, Instant.now().plusSeconds(600));

        assertThat(again.payUrl()).isEqualTo(first.payUrl());
        assertThat(provider.query(orderNo).status()).isEqualTo(Status.PENDING);
        assertThat(provider.query(orderNo).amount()).isEqualTo(Money.of("190.00"));
        assertThatThrownBy(() -> provider.createOrder(orderNo, Money.of("190.01"), "缴费", NOTIFY, Instant.now().plusSeconds(600)))
                .isInstanceOf(PaymentProviderException.class).hasMessageContaining("ORDER_CONFLICT");
    }

    @Test
    void queryAndCloseAnswerWhatTheProviderHolds() {
        assertThat(provider.query(orderNo()).status()).isEqualTo(Status.NOT_FOUND);

        String unpaid = orderNo();
        provider.createOrder(unpaid, Money.of("12.00"), "缴费", NOTIFY, Instant.now().plusSeconds(600));
        assertThat(provider.close(unpaid).status()).isEqualTo(Status.CLOSED);

        String paid = orderNo();
        var created = provider.createOrder(paid, Money.of("12.44"), "缴费", NOTIFY, Instant.now().plusSeconds(600));
        assertThat(send(null, HttpRequest.newBuilder(created.payUrl()).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())).field("status")).isEqualTo("PAID");
        PaymentProvider.OrderState state = provider.close(paid);
        assertThat(state.status()).as("a paid order is not closed").isEqualTo(Status.PAID);
        assertThat(state.transactionId()).startsWith("SIM");
        assertThat(state.paidAt()).isNotNull();
    }

    @Test
    void theProviderRefusesAnUnsignedRequest() {
        Answer answer = send(null, HttpRequest.newBuilder(URI.create(simulator.url() + "/v1/orders/" + orderNo()))
                .header(PaymentProtocol.MERCHANT, simulator.merchantId()).GET());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.field("code")).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void amountsTravelAsWholeFen() {
        assertThat(PaymentProtocol.fen(Money.of("190.13"))).isEqualTo(19013L);
        assertThat(PaymentProtocol.yuan(19013L)).isEqualTo(Money.of("190.13"));
        assertThat(PaymentProtocol.fen(Money.of("0.01"))).isEqualTo(1L);
    }

    private static String orderNo() {
        return "TEST" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
    }
}
