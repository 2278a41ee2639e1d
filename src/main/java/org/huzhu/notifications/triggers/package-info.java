/**
 * Triggers: the listeners and daily jobs that turn other modules' events into notices, each written
 * into the outbox in the transaction of the change that caused it ({@link org.huzhu.notifications.Notifications#send}).
 * One class per source: claims, membership, bills, and the cover-expiry reminders. The triggers,
 * their templates and event keys are listed in docs/notifications.md ("Triggers").
 */
package org.huzhu.notifications.triggers;
