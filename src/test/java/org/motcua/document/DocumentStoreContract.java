package org.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentStore} does, run against each implementation ({@link FileSystemDocumentStoreTest},
 * {@link S3DocumentStoreTest}): the bytes come back as stored, keys are random, a missing key is a
 * {@link NoSuchFileException}, a deleted key holds nothing, and a large file is read back as a stream.
 */
abstract class DocumentStoreContract {

  private static final String KEY = "\\d{4}-\\d{2}-\\d{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** The store under test, empty or not, the same for every test of a class. */
  abstract DocumentStore store();

  /** How many bytes the store holds under the key, asked of the storage itself (the folder, the bucket). */
  abstract long storedBytes(String key);

  @Test
  void theBytesComeBackAsStoredUnderARandomKey() throws IOException {
    byte[] content = Content.pdfLike(70_000, 1);
    String key = store().put(content);
    String again = store().put(content);

    assertThat(key).matches(KEY);
    assertThat(again).matches(KEY).isNotEqualTo(key);
    try (InputStream in = store().open(key)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(storedBytes(key)).isEqualTo(content.length);
  }

  @Test
  void anEmptyFileIsStoredToo() throws IOException {
    String key = store().put(new byte[0]);
    try (InputStream in = store().open(key)) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void aKeyThatHoldsNothingIsANoSuchFile() {
    String missing = java.time.LocalDate.now() + "/" + UUID.randomUUID();
    assertThatThrownBy(() -> store().open(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aDeletedKeyHoldsNothingAndDeletingItAgainIsNoError() {
    String key = store().put(Content.pdfLike(1_000, 2));
    String kept = store().put(Content.pdfLike(1_000, 3));

    store().delete(key);
    assertThatThrownBy(() -> store().open(key)).hasCauseInstanceOf(NoSuchFileException.class);
    store().delete(key);
    store().delete(java.time.LocalDate.now() + "/" + UUID.randomUUID());
    assertThat(storedBytes(kept)).as("only that key is gone").isEqualTo(1_000);
  }

  @Test
  void aKeyThatWouldLeaveTheStoreIsRefused() {
    for (String key : new String[] {"../outside", "2026-01-01/../../outside", "/etc/passwd"}) {
      assertThatThrownBy(() -> store().open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** What the orphan sweep reads: every key of a day, with when it was written. */
  @Test
  void aDaysKeysAreListedWithWhenTheyWereWritten() {
    java.time.Instant before = java.time.Instant.now().minusSeconds(5);
    String first = store().put(Content.pdfLike(300, 6));
    String second = store().put(Content.pdfLike(300, 7));
    java.time.LocalDate today = java.time.LocalDate.parse(first.substring(0, 10));

    java.util.List<DocumentStore.StoredObject> listed = store().listDay(today);
    assertThat(listed).extracting(DocumentStore.StoredObject::key).contains(first, second);
    assertThat(listed).filteredOn(o -> o.key().equals(first)).singleElement()
        .satisfies(o -> assertThat(o.writtenAt()).isAfter(before).isBefore(java.time.Instant.now().plusSeconds(5)));
    assertThat(store().listDay(java.time.LocalDate.of(1999, 1, 1))).isEmpty();
  }

  /** Larger than the largest file motcua accepts by default (10 MB), read back in small pieces as a download does. */
  @Test
  void aLargeFileIsReadBackAsAStream() throws Exception {
    byte[] content = Content.pdfLike(12 * 1024 * 1024 + 7, 4);
    String key = store().put(content);

    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long read = 0;
    try (InputStream in = new DigestInputStream(store().open(key), digest)) {
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        read += n;
      }
    }
    assertThat(read).isEqualTo(content.length);
    assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(Uploads.sha256(content));
    assertThat(storedBytes(key)).isEqualTo(content.length);
  }

  /** Test content: a PDF header, then seeded random bytes. */
  static final class Content {

    static byte[] pdfLike(int length, long seed) {
      byte[] content = new byte[length];
      new Random(seed).nextBytes(content);
      byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      System.arraycopy(header, 0, content, 0, Math.min(header.length, length));
      return content;
    }

    private Content() {
    }
  }
}
