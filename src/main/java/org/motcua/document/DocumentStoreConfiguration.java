package org.motcua.document;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The document store of this node, by {@code motcua.documents.store}: {@code filesystem} (the default; files under
 * {@code motcua.documents.dir}) or {@code s3} (a bucket of an S3-compatible object store, {@code motcua.documents.s3.*}),
 * which every node of a cluster shares. Any other value stops start-up.
 */
@Configuration(proxyBeanMethods = false)
class DocumentStoreConfiguration {

  static final String FILESYSTEM = "filesystem";
  static final String S3 = "s3";

  @Bean
  DocumentStore documentStore(Environment env) {
    String store = env.getProperty("motcua.documents.store", FILESYSTEM).trim().toLowerCase(Locale.ROOT);
    return switch (store) {
      case FILESYSTEM -> new FileSystemDocumentStore(env.getProperty("motcua.documents.dir", "./data/files"));
      case S3 -> s3Store(env);
      default -> throw new IllegalStateException("motcua.documents.store is '" + store + "': use " + FILESYSTEM
          + " or " + S3);
    };
  }

  private static S3DocumentStore s3Store(Environment env) {
    String bucket = env.getProperty("motcua.documents.s3.bucket", "").trim();
    String accessKey = env.getProperty("motcua.documents.s3.access-key", "").trim();
    String secretKey = env.getProperty("motcua.documents.s3.secret-key", "").trim();
    if (bucket.isEmpty() || accessKey.isEmpty() || secretKey.isEmpty()) {
      throw new IllegalStateException("motcua.documents.store=s3 needs motcua.documents.s3.bucket, .access-key and"
          + " .secret-key");
    }
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(env.getProperty("motcua.documents.s3.region", "us-east-1").trim()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        // Path-style URLs (endpoint/bucket/key) are what MinIO, Ceph and most S3-compatible stores answer.
        .forcePathStyle(env.getProperty("motcua.documents.s3.path-style", Boolean.class, true))
        // The SDK's default CRC checksums travel as trailing headers of a chunked body, which many S3-compatible
        // stores refuse; each PUT carries its Content-MD5 instead (S3DocumentStore), and the SHA-256 is kept in the row.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(env.getProperty("motcua.documents.s3.connect-timeout", Duration.class,
                Duration.ofSeconds(5)))
            .socketTimeout(env.getProperty("motcua.documents.s3.read-timeout", Duration.class, Duration.ofSeconds(30)))
            .build());
    String endpoint = env.getProperty("motcua.documents.s3.endpoint", "").trim();
    if (!endpoint.isEmpty()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    String prefix = env.getProperty("motcua.documents.s3.prefix", "").trim();
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    S3DocumentStore store = new S3DocumentStore(builder.build(), bucket, prefix);
    try {
      store.checkBucket();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }
}
