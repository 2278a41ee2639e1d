/**
 * Online payments (在线缴费): a worker pays for themself through an online-payment provider
 * (WeChat Pay / Alipay / UnionPay style). {@link org.huzhu.payments.OnlinePayments} opens an order
 * ({@code payments.online_order}) and hands back the provider's pay URL; the provider's signed,
 * asynchronous notification — or, when it is late or lost, the reconciliation job's query — marks
 * the order paid exactly once and publishes {@link org.huzhu.payments.OnlinePaymentReceived}.
 * Payouts to workers are another module's ({@code payouts}). Protocol: docs/online-payments.md.
 */
package org.huzhu.payments;
