package org.motcua.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded file (type by content, a name that says the same type, size, the citizen's storage quota) and
 * keeps it in the store. Inside a transaction the file is
 * removed again if the transaction rolls back, so a failed upload leaves no orphan file.
 */
@Service
public class Uploads implements UseCase {

  /** What follows the last dot of a name counts as its extension only when it looks like one ("Nguyễn V. An" has none). */
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");

  private final DocumentStore store;
  private final AccountQuota quota;
  private final long maxFileBytes;
  private final long maxDossierBytes;

  Uploads(DocumentStore store, AccountQuota quota,
      @Value("${motcua.documents.max-file-bytes:10485760}") long maxFileBytes,
      @Value("${motcua.documents.max-dossier-bytes:52428800}") long maxDossierBytes) {
    this.store = store;
    this.quota = quota;
    this.maxFileBytes = maxFileBytes;
    this.maxDossierBytes = maxDossierBytes;
  }

  /** Accepting a file of a dossier: its type, name and size, and the citizen's storage quota. */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(UploadRefusal.values());
  }

  /**
   * @param alreadyStoredBytes what the dossier holds already, for the per-dossier limit
   * @param uploader         who sends it: a citizen's files count against their account's quota, officers' scans not
   */
  public StoredFile accept(MultipartFile file, long alreadyStoredBytes, MotcuaUser uploader) {
    if (file == null || file.isEmpty()) {
      throw UploadRefusal.EMPTY_FILE.exception();
    }
    String filename = sanitize(file.getOriginalFilename());
    if (file.getSize() > maxFileBytes) {
      throw UploadRefusal.FILE_TOO_LARGE.exception(filename, maxFileBytes / (1024 * 1024));
    }
    if (alreadyStoredBytes + file.getSize() > maxDossierBytes) {
      throw UploadRefusal.DOSSIER_TOO_LARGE.exception(maxDossierBytes / (1024 * 1024));
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FileTypes.FileType type = FileTypes.detect(content)
        .orElseThrow(() -> UploadRefusal.UNSUPPORTED_FILE_TYPE.exception(filename));
    String name = named(filename, type);
    if (uploader.is(Role.CITIZEN)) {
      quota.charge(uploader.username(), content.length);
    }
    String key = store.put(content);
    deleteOnRollback(key);
    return new StoredFile(key, name, type.contentType(), content.length, sha256(content));
  }

  /**
   * A file motcua made itself (the declaration PDF rendered from an e-form): kept like an upload, counted against no
   * account's quota, and removed again if the transaction rolls back.
   */
  public StoredFile storeGenerated(byte[] content, String filename, String contentType) {
    String key = store.put(content);
    deleteOnRollback(key);
    return new StoredFile(key, filename, contentType, content.length, sha256(content));
  }

  /**
   * The name the file is kept under: its extension must be the detected type's (a PDF named {@code x.html} would be
   * served to a download as what its name says); a name without one gets the type's.
   */
  static String named(String filename, FileTypes.FileType type) {
    int dot = filename.lastIndexOf('.');
    String extension = dot < 0 ? "" : filename.substring(dot + 1);
    if (!EXTENSION.matcher(extension).matches()) {
      return filename.replaceAll("\\.+$", "") + "." + type.extensions().get(0);
    }
    if (!type.matches(extension)) {
      throw UploadRefusal.FILE_EXTENSION_MISMATCH.exception(filename, type.label(), type.extensionList());
    }
    return filename;
  }

  private void deleteOnRollback(String key) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            store.delete(key);
          }
        }
      });
    }
  }

  /**
   * The name as shown to people: no folders (a name with a path is refused, not silently cut), no control characters,
   * at most 150 characters.
   */
  static String sanitize(String original) {
    if (original == null || original.isBlank()) {
      return "tai-lieu";
    }
    String name = Normalizer.normalize(original, Normalizer.Form.NFC).trim();
    if (name.contains("/") || name.contains("\\") || name.contains("..") || name.contains(":")) {
      throw UploadRefusal.INVALID_FILENAME.exception(original);
    }
    name = name.replaceAll("[\\p{Cntrl}\"<>|?*]", "_");
    return name.length() > 150 ? name.substring(name.length() - 150) : name;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public java.io.InputStream open(String storageKey) {
    return store.open(storageKey);
  }
}
