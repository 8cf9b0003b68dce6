package org.motcua.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The columns of a row that point at a {@link StoredFile} in the document store: its name and type as given, its
 * size, its SHA-256 fingerprint and the key it is stored under. Embedded by every entity that holds a file (a dossier's
 * document, an item of the e-data warehouse); each names its columns with {@code @AttributeOverride}s.
 */
@Embeddable
public class StoredFileReference {

  @Column(name = "filename", nullable = false)
  private String filename;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "sha256", nullable = false)
  private String sha256;

  @Column(name = "storage_key", nullable = false)
  private String storageKey;

  protected StoredFileReference() {
  }

  private StoredFileReference(StoredFile file) {
    this.filename = file.filename();
    this.contentType = file.contentType();
    this.sizeBytes = file.sizeBytes();
    this.sha256 = file.sha256();
    this.storageKey = file.storageKey();
  }

  public static StoredFileReference of(StoredFile file) {
    return new StoredFileReference(file);
  }

  /** The file this row points at, to open or copy it. */
  public StoredFile file() {
    return new StoredFile(storageKey, filename, contentType, sizeBytes, sha256);
  }

  public String getFilename() {
    return filename;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public String getStorageKey() {
    return storageKey;
  }
}
