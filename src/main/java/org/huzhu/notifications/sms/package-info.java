/**
 * The SMS channel: one {@link org.huzhu.notifications.sms.SmsGateway} contract for the outbox
 * dispatcher, implemented over SMPP 3.4 (jSMPP, a transceiver bind with delivery receipts) and over a
 * cloud provider's signed HTTP API, plus a simulated SMPP centre on loopback for demo mode, tests and
 * benchmarks. Receipts and replies are acknowledged to the centre only after the inbound side stored
 * them; how to plug in a channel is in docs/sms-gateway.md.
 */
package org.huzhu.notifications.sms;
