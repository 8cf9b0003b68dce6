package org.motcua.document;

import java.io.InputStream;

/**
 * Where document bytes live. The filesystem store is the default; an S3-compatible store is one more implementation
 * of these three methods.
 */
public interface DocumentStore {

  /** Writes the bytes under a new key and returns the key. */
  String put(byte[] content);

  InputStream open(String storageKey);

  void delete(String storageKey);
}
