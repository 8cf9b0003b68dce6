package org.motcua.document;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in the test JVM: S3Proxy over jclouds' in-memory ({@code transient}) blob store, on a
 * free port of 127.0.0.1, with AWS signature V4 checked against one access key. Nothing leaves the machine.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "motcua-test";
  public static final String SECRET_KEY = "motcua-test-secret-key-0123456789";

  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  /** Starts a server holding the given (empty) buckets. */
  public static S3ProxyServer start(String... buckets) {
    BlobStoreContext context = ContextBuilder.newBuilder("transient")
        .credentials("identity", "credential")
        .overrides(new Properties())
        .build(BlobStoreContext.class);
    for (String bucket : buckets) {
      context.getBlobStore().createContainerInLocation(null, bucket);
    }
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        Thread.sleep(5);
      }
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException(e);
    }
    return new S3ProxyServer(context, proxy);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The names of the objects in a bucket, straight from the server (not through motcua's store). */
  public java.util.List<String> objectNames(String bucket) {
    return context.getBlobStore().list(bucket, org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive()).stream().map(m -> m.getName()).sorted().toList();
  }

  /** The size of an object as the server keeps it; -1 when there is none. */
  public long blobSize(String bucket, String name) {
    org.jclouds.blobstore.domain.BlobMetadata blob = context.getBlobStore().blobMetadata(bucket, name);
    return blob == null ? -1 : blob.getContentMetadata().getContentLength();
  }

  public void createBucket(String bucket) {
    context.getBlobStore().createContainerInLocation(null, bucket);
  }

  public void deleteBucket(String bucket) {
    context.getBlobStore().deleteContainer(bucket);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      context.close();
    }
  }
}
