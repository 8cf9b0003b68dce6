/**
 * Transactional outbox for integration events (status sync to the national portal, notifications).
 *
 * <p>{@link org.motcua.outbox.OutboxWriter} writes a row in the very transaction that changed the dossier, so an
 * event exists exactly when the change committed; {@link org.motcua.outbox.OutboxRelay} delivers the rows to an
 * {@link org.motcua.outbox.OutboxSink} afterwards, at least once, each with a stable idempotency key the receiver
 * dedups on. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so the relays of several nodes share the work
 * without delivering a row twice while they are alive; a node that dies mid-delivery releases its rows with its
 * connection and another node delivers them again (the receiver drops the duplicate by its key).
 *
 * <p>Each row has a topic; the relay hands it to the {@link org.motcua.outbox.OutboxSink.ForTopic} bean of that topic
 * (status changes to the national portal's endpoint, applicant notifications to their e-mail, SMS and Zalo sinks).
 * Other features write rows through {@link org.motcua.outbox.Outbox}. A row still failing after
 * {@code motcua.outbox.give-up-after} is a dead letter that {@link org.motcua.outbox.OutboxAdmin} lists and resends.
 */
package org.motcua.outbox;
