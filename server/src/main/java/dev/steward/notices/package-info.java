/**
 * Customer communications with proven delivery. {@link dev.steward.notices.Notices#notify} writes a
 * notice and its deliveries in the caller's transaction (a transactional outbox): the console inbox
 * at once, email to the tenant's {@link dev.steward.notices.Contacts} and Standard Webhooks to its
 * verified {@link dev.steward.notices.WebhookEndpoints}, sent after commit by the
 * {@code notices.deliver} job, retried with backoff, parked with an alert and replayable
 * ({@link dev.steward.notices.NoticeDeliveries}). {@link dev.steward.notices.Inbox} lists, counts and
 * marks inbox notices read per account. See docs/design/notices.md.
 */
package dev.steward.notices;
