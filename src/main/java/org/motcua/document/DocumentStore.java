package org.motcua.document;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where document bytes live: the filesystem store (the default) or an S3-compatible object store, chosen by
 * {@code motcua.documents.store} ({@link DocumentStoreConfiguration}). What a file is (its name, type, size and
 * SHA-256) is kept by the row that points at it ({@link StoredFileReference}), in the database transaction; the store
 * keeps only bytes under a key.
 */
public interface DocumentStore {

  /**
   * Writes the bytes under a new key and returns the key. The key is random (the day, then a UUID): nothing in it comes
   * from the upload. A key exists only once all its bytes are written: a failed write leaves nothing under it.
   *
   * @throws java.io.UncheckedIOException when the bytes cannot be stored
   */
  String put(byte[] content);

  /**
   * The bytes stored under the key, read as the caller reads the stream (never all in memory); the caller closes it.
   *
   * @throws java.io.UncheckedIOException when they cannot be read; for a key that holds nothing its cause is a
   *     {@link java.nio.file.NoSuchFileException}
   */
  InputStream open(String storageKey);

  /** Removes the bytes under the key; a key that holds nothing is not an error. */
  void delete(String storageKey);

  /**
   * Everything stored under the keys of that day (including what a write cut short left), with when it was written:
   * what the {@link OrphanSweep} compares with the rows.
   */
  List<StoredObject> listDay(LocalDate day);

  /** A key of the store and when its bytes were written. */
  record StoredObject(String key, Instant writtenAt) {
  }
}
