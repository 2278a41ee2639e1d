package org.huzhu.payments;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.payments.PaymentProvider.OrderState;
import org.huzhu.payments.PaymentProvider.Status;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online-payments front door: open an order for a worker's payment and hand back where to pay
 * ({@link #start}), take the provider's signed notifications ({@link #notification}), ask the
 * provider about an order ({@link #refresh}: the reconciliation job and a worker back from the pay
 * page), and read an order. An order is paid once, whatever arrives how often; the payment is
 * announced by {@link OnlinePaymentReceived}. Who pays and what for is the caller's to check:
 * this module knows member ids and references, not members or bills.
 */
@Service
public class OnlinePayments {

    private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);

    /** An opened order: where the worker pays (a page, and the content of its QR code), until when. */
    public record Started(String orderNo, URI payUrl, OffsetDateTime expiresAt) {
    }

    /** An order as the worker and the caller see it; status PENDING, PAID, CLOSED or FAILED. */
    public record OrderView(String orderNo, String provider, long payerMemberId, String reference, String description, Money amount,
                            String status, String payUrl, String providerTxnId, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime paidAt, LocalDate paidOn, String failReason) {
    }

    private final OnlineOrderRepository orders;
    private final OrderUpdates updates;
    private final PaymentProvider provider;
    private final PaymentsProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final TransactionTemplate tx;

    OnlinePayments(OnlineOrderRepository orders, OrderUpdates updates, PaymentProvider provider, PaymentsProperties properties,
                   Environment environment, Clock clock, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.updates = updates;
        this.provider = provider;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Opens an order for {@code amount} paid by the member for {@code reference} (e.g. a bill's
     * reference) and creates it at the provider. Talks to the provider, so it runs outside any
     * transaction; the order is stored first, so an order the provider never got is closed by the
     * reconciliation job. Throws {@link PaymentProviderException} when the provider cannot be reached.
     */
    @Transactional(propagation = Propagation.NEVER)
    public Started start(long payerMemberId, String reference, Money amount, String description) {
        Checks checks = new Checks();
        checks.require("reference", reference, "缴费事项");
        checks.require("amount", amount, "金额");
        checks.require("description", description, "商品描述");
        if (amount != null) checks.check(amount.isPositive(), "amount", "金额应大于 0");
        if (reference != null) checks.check(reference.strip().length() <= 64, "reference", "缴费事项不能超过 64 个字符");
        if (description != null) checks.check(description.strip().length() <= 127, "description", "商品描述不能超过 127 个字符");
        checks.throwIfInvalid();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expiresAt = now.plus(properties.orderValidFor());
        String orderNo = tx.execute(s -> {
            String no = orders.nextOrderNo(now.atZoneSameInstant(clock.getZone()).toLocalDate());
            orders.insert(no, provider.name(), payerMemberId, reference.strip(), description.strip(), amount, now, expiresAt);
            return no;
        });
        PaymentProvider.CreatedOrder created = provider.createOrder(orderNo, amount, description.strip(), notifyUrl(),
                expiresAt.toInstant());
        tx.executeWithoutResult(s -> orders.payUrl(orderNo, created.payUrl().toString()));
        log.info("Online payment order {} of {} for {} opened", orderNo, amount, reference);
        return new Started(orderNo, created.payUrl(), expiresAt);
    }

    /**
     * A notification posted by the provider {@code providerName}: verified, then applied once.
     * Answers the body the provider expects; throws {@link NotificationRefusedException} (400 not
     * signed or unreadable, 404 unknown order or provider, 409 other amount or a closed order).
     */
    @Transactional(propagation = Propagation.NEVER)
    public String notification(String providerName, Map<String, String> headers, String body) {
        if (!provider.name().equals(providerName)) throw new NotificationRefusedException(404, "未知的支付渠道：" + providerName);
        PaymentProvider.Notification n;
        try {
            n = provider.verify(headers, body == null ? "" : body);
        } catch (InvalidNotificationException e) {
            log.warn("Payment notification of {} refused: {}", providerName, e.getMessage());
            updates.invalid(providerName, e.getMessage());
            throw new NotificationRefusedException(400, "通知验签失败或内容无法读取：" + e.getMessage());
        }
        OrderUpdates.Outcome outcome = updates.apply(new OrderUpdates.Report(providerName, n.orderNo(), n.status(), n.amount(),
                n.transactionId(), n.paidAt(), n.failReason(), n.id(), true));
        return switch (outcome) {
            case APPLIED, DUPLICATE -> provider.acknowledgement();
            case UNKNOWN_ORDER -> throw new NotificationRefusedException(404, "订单 " + n.orderNo() + " 不存在");
            case AMOUNT_MISMATCH -> throw new NotificationRefusedException(409, "订单 " + n.orderNo() + " 的通知金额与订单金额不符");
            case STATE_CONFLICT -> throw new NotificationRefusedException(409, "订单 " + n.orderNo() + " 的状态与通知不符，已转财务核查");
        };
    }

    /**
     * Asks the provider about an order and applies the answer; an order past its time that the
     * provider has not seen paid is closed there and here. Answers the order after it.
     */
    @Transactional(propagation = Propagation.NEVER)
    public Optional<OrderView> refresh(String orderNo) {
        Optional<OnlineOrderRepository.Stored> stored = orders.find(orderNo);
        if (stored.isEmpty()) return Optional.empty();
        OnlineOrder order = stored.get().order();
        if (order.status() == OnlineOrder.Status.PAID || order.status() == OnlineOrder.Status.CLOSED) return order(orderNo);
        OrderState state = provider.query(orderNo);
        if (state.status() != Status.PAID && state.status() != Status.CLOSED && order.expiredAt(OffsetDateTime.now(clock))) {
            state = provider.close(orderNo);
        }
        if (state.status() == Status.NOT_FOUND && !order.expiredAt(OffsetDateTime.now(clock))) return order(orderNo);
        updates.apply(new OrderUpdates.Report(order.provider, orderNo, state.status(), state.amount(), state.transactionId(), state.paidAt(),
                state.failReason(), null, false));
        return order(orderNo);
    }

    public Optional<OrderView> order(String orderNo) {
        return orders.find(orderNo).map(this::view);
    }

    /** The orders opened for {@code reference} (e.g. a bill's), newest first: what a caller shows or offers again. */
    public List<OrderView> ordersFor(String reference) {
        return orders.ofReference(reference).stream().map(this::view).toList();
    }

    /** Whether an order can still be paid at the provider: PENDING or FAILED, and not past its time. */
    public boolean payable(OrderView order) {
        return (order.status().equals("PENDING") || order.status().equals("FAILED")) && order.expiresAt().isAfter(OffsetDateTime.now(clock));
    }

    private OrderView view(OnlineOrderRepository.Stored s) {
        OnlineOrder o = s.order();
        return new OrderView(o.orderNo, o.provider, o.payerMemberId, o.reference, o.description, o.amount, o.status().name(), s.payUrl(),
                o.providerTxnId(), o.createdAt, o.expiresAt, o.paidAt(),
                o.paidAt() == null ? null : o.paidAt().atZoneSameInstant(clock.getZone()).toLocalDate(), o.failReason());
    }

    private URI notifyUrl() {
        String base = properties.notifyBaseUrl().isBlank()
                ? "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                : properties.notifyBaseUrl().replaceAll("/+$", "");
        return URI.create(base + "/api/v1/payment-notifications/" + provider.name());
    }
}
