package org.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The {@link DocumentStoreContract} on the S3 store, against a real S3-compatible server in this JVM (S3Proxy), built
 * by {@link DocumentStoreConfiguration} from the same properties a node reads; and what only the S3 store has to say:
 * its prefix, a missing bucket and wrong credentials.
 */
class S3DocumentStoreTest extends DocumentStoreContract {

  private static final String BUCKET = "motcua-documents";

  private static S3ProxyServer server;
  private static S3DocumentStore store;

  @BeforeAll
  static void start() {
    server = S3ProxyServer.start(BUCKET, "other");
    store = (S3DocumentStore) configured(Map.of("motcua.documents.s3.prefix", "files"));
  }

  @AfterAll
  static void stop() {
    store.close();
    server.close();
  }

  @Override
  DocumentStore store() {
    return store;
  }

  @Override
  long storedBytes(String key) {
    return server.blobSize(BUCKET, "files/" + key);
  }

  @Test
  void objectsAreNamedByTheirKeyUnderThePrefixAndNothingElseIsWritten() {
    String key = store.put(Content.pdfLike(500, 9));
    assertThat(server.objectNames(BUCKET)).contains("files/" + key)
        .allSatisfy(name -> assertThat(name).startsWith("files/"));
    assertThat(server.objectNames("other")).isEmpty();
  }

  @Test
  void aMissingBucketOrWrongCredentialsStopStartUpWithAClearMessage() {
    assertThatThrownBy(() -> configured(Map.of("motcua.documents.s3.bucket", "no-such-bucket")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("motcua.documents.s3.bucket: the bucket 'no-such-bucket' does not exist");
    assertThatThrownBy(() -> configured(Map.of("motcua.documents.s3.secret-key", "wrong-secret-key")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("motcua.documents.s3: cannot reach the bucket 'motcua-documents'");
    assertThatThrownBy(() -> configured(Map.of("motcua.documents.s3.access-key", "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs motcua.documents.s3.bucket, .access-key and .secret-key");
    assertThatThrownBy(() -> configured(Map.of("motcua.documents.store", "nfs")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("motcua.documents.store is 'nfs': use filesystem or s3");
  }

  /** A store whose bucket went away: the upload fails (and so its transaction), nothing is half-stored. */
  @Test
  void aWriteTheServerRefusesIsAnIoFailure() {
    server.createBucket("doomed");
    try (S3DocumentStore doomed = (S3DocumentStore) configured(Map.of("motcua.documents.s3.bucket", "doomed"))) {
      server.deleteBucket("doomed");
      assertThatThrownBy(() -> doomed.put(Content.pdfLike(100, 5))).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("Cannot store document");
    }
  }

  /** The store a node builds from these settings (the server's endpoint and keys, overridden by {@code overrides}). */
  static DocumentStore configured(Map<String, Object> overrides) {
    Map<String, Object> settings = new java.util.HashMap<>(Map.of(
        "motcua.documents.store", "s3",
        "motcua.documents.s3.endpoint", server.endpoint(),
        "motcua.documents.s3.bucket", BUCKET,
        "motcua.documents.s3.region", "us-east-1",
        "motcua.documents.s3.access-key", S3ProxyServer.ACCESS_KEY,
        "motcua.documents.s3.secret-key", S3ProxyServer.SECRET_KEY,
        "motcua.documents.s3.path-style", "true"));
    settings.putAll(overrides);
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("node", settings));
    return new DocumentStoreConfiguration().documentStore(env);
  }
}
