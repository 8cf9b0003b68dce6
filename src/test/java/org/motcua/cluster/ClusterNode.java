package org.motcua.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One motcua node as its own JVM ({@code java -cp <test classpath> org.motcua.MotcuaApplication}) on its own port,
 * against a shared PostgreSQL schema, with the job executor on: what a deployment behind a load balancer runs.
 */
final class ClusterNode implements AutoCloseable {

  private final String name;
  private final int port;
  private final List<String> arguments;
  private final Path log;
  private Process process;
  private int runs;
  private boolean namedConnections;

  ClusterNode(String name, List<String> arguments, Path logDir) throws IOException {
    this.name = name;
    this.port = freePort();
    this.arguments = arguments;
    this.log = logDir.resolve("node-" + name + ".log");
  }

  String name() {
    return name;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  /**
   * Names the node's database connections after the node and its run ({@link #applicationName()}), so that
   * PostgreSQL's {@code pg_stat_activity} tells which node (and which run of it) a backend serves. PostgreSQL only.
   */
  ClusterNode namingConnections() {
    namedConnections = true;
    return this;
  }

  /** The {@code application_name} of the current run's connections: {@code motcua-<name>-<run>}. */
  String applicationName() {
    return "motcua-" + name + "-" + runs;
  }

  long pid() {
    return process.pid();
  }

  /** The exit status of the last run (137 after SIGKILL). */
  int exitValue() {
    return process.exitValue();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Jars of the object store server the tests run (S3Proxy, jclouds and its Jackson XML): not part of a node. */
  private static final List<String> NOT_OF_A_NODE = List.of("/org/gaul/", "/org/apache/jclouds/",
      "/com/fasterxml/jackson/dataformat/jackson-dataformat-xml/");

  /**
   * The test class path less the object store server's jars: with Jackson's XML module present, a node would answer
   * in XML a client whose Accept lists XML first (a plain RestTemplate's does), which no deployed node does.
   */
  static String nodeClasspath(String testClasspath) {
    return java.util.Arrays.stream(testClasspath.split(java.io.File.pathSeparator))
        .filter(entry -> NOT_OF_A_NODE.stream().noneMatch(entry.replace('\\', '/')::contains))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** Starts the JVM; its output is appended to {@code target/cluster/node-<name>.log}. */
  void start() throws IOException {
    String classpath = nodeClasspath(System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx400m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
        "-cp", classpath, "org.motcua.MotcuaApplication",
        "--server.port=" + port));
    command.addAll(arguments);
    runs++;
    if (namedConnections) {
      command.add("--spring.datasource.hikari.data-source-properties[ApplicationName]=" + applicationName());
    }
    Files.createDirectories(log.getParent());
    Files.writeString(log, "==== start " + java.time.Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        // Its own working folder: the test class path may hold an empty entry (= the working folder), and the
        // project folder has bpmn/ at its root, which would be deployed a second time.
        .directory(log.getParent().toFile())
        .start();
  }

  /** Waits until readiness answers UP (Spring Boot started, database and engine reachable). */
  void awaitReady(Duration timeout) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("node " + name + " not ready after " + timeout + "; see " + log);
  }

  /** {@code kill -9}: the JVM gets no chance to finish anything. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
