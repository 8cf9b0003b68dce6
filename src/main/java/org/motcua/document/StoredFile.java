package org.motcua.document;

/** A file kept in the document store: where, how big, and its SHA-256 fingerprint. */
public record StoredFile(String storageKey, String filename, String contentType, long sizeBytes, String sha256) {
}
