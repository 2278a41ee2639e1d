/**
 * The online-payment protocol (docs/online-payments.md): {@link org.huzhu.payments.provider.PaymentProtocol}
 * (fen amounts, HMAC-SHA256 signatures over timestamp and nonce), the HTTP client
 * {@link org.huzhu.payments.provider.HttpPaymentProvider}, and the simulated provider on loopback for
 * demo and test mode. Internal to the payments module.
 */
package org.huzhu.payments.provider;
