package org.motcua.outbox;

import java.time.LocalDateTime;

/**
 * One integration event as it leaves motcua.
 *
 * @param key         the idempotency key, the same at every delivery attempt: receivers drop a key they have seen
 * @param sequence    increases with every event; per dossier, a receiver keeps the highest it has applied
 * @param payload     the event's JSON body
 */
public record OutboxMessage(String key, long sequence, String topic, String dossierCode, LocalDateTime createdAt,
    String payload, int attempt) {
}
