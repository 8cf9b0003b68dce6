package org.motcua.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in one bucket of an S3-compatible store ({@code motcua.documents.store=s3}), shared by every node of a
 * cluster. Keys are the filesystem store's (the day, then a UUID), after an optional prefix. A PUT is atomic: an object
 * exists only once all its bytes arrived, and its {@code Content-MD5} lets the store refuse bytes damaged on the way.
 */
class S3DocumentStore implements DocumentStore, AutoCloseable {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /**
   * @param prefix put before every key ("" for none; otherwise it ends with {@code /}); the key a row keeps is without
   *     it, so a bucket can be shared with other applications or moved under another prefix
   */
  S3DocumentStore(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /** Fails start-up with a clear message when the bucket is missing or cannot be reached with these credentials. */
  void checkBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      throw new IllegalStateException("motcua.documents.s3.bucket: the bucket '" + bucket + "' does not exist", e);
    } catch (SdkException e) {
      throw new IllegalStateException("motcua.documents.s3: cannot reach the bucket '" + bucket + "': "
          + e.getMessage(), e);
    }
  }

  @Override
  public String put(byte[] content) {
    String key = FileSystemDocumentStore.newKey();
    try {
      s3.putObject(b -> b.bucket(bucket).key(objectKey(key))
              .contentLength((long) content.length)
              .contentType("application/octet-stream")
              .contentMD5(md5(content)),
          RequestBody.fromBytes(content));
      return key;
    } catch (SdkException e) {
      throw new UncheckedIOException(new IOException("Cannot store document " + key + " in bucket " + bucket, e));
    }
  }

  @Override
  public InputStream open(String storageKey) {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(objectKey(storageKey)));
    } catch (NoSuchKeyException e) {
      NoSuchFileException missing = new NoSuchFileException(storageKey, null, "no object in bucket " + bucket);
      missing.initCause(e);
      throw new UncheckedIOException("Cannot read document " + storageKey, missing);
    } catch (SdkException e) {
      throw new UncheckedIOException(new IOException("Cannot read document " + storageKey, e));
    }
  }

  @Override
  public void delete(String storageKey) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(objectKey(storageKey)));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw new UncheckedIOException(new IOException("Cannot delete document " + storageKey, e));
      }
    } catch (SdkException e) {
      throw new UncheckedIOException(new IOException("Cannot delete document " + storageKey, e));
    }
  }

  @Override
  public List<StoredObject> listDay(LocalDate day) {
    String dayPrefix = prefix + day + "/";
    List<StoredObject> objects = new ArrayList<>();
    try {
      s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(dayPrefix)).contents().forEach(object ->
          objects.add(new StoredObject(object.key().substring(prefix.length()), object.lastModified())));
    } catch (SdkException e) {
      throw new UncheckedIOException(new IOException("Cannot list documents of " + day, e));
    }
    return objects;
  }

  @Override
  public void close() {
    s3.close();
  }

  /** The object's name in the bucket; a key that could leave the prefix (a {@code ..} segment) is refused. */
  private String objectKey(String storageKey) {
    if (storageKey == null || storageKey.isEmpty() || storageKey.startsWith("/")
        || ("/" + storageKey + "/").contains("/../") || storageKey.contains("\\")) {
      throw new IllegalArgumentException("Storage key outside the store: " + storageKey);
    }
    return prefix + storageKey;
  }

  private static String md5(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
