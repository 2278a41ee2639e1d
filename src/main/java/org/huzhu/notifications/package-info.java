/**
 * Notifications (通知): text messages and in-app messages for everything a worker or a unit must know.
 * Other modules publish past-tense events; this module's listeners turn them into messages written to
 * the outbox in the same transaction ({@link org.huzhu.notifications.Notifications#send}), from
 * templates kept as versioned data; a dispatcher sends the SMS through an
 * {@link org.huzhu.notifications.sms.SmsGateway} (SMPP 3.4 or an HTTP provider) and applies the
 * centre's delivery receipts. Members' publicity consent, TD replies, campaigns and one-time sign-in
 * codes live here too.
 */
package org.huzhu.notifications;
