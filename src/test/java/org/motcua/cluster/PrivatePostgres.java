package org.motcua.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own ({@code initdb} into a temporary folder, its own port), which the test may
 * stop and start: the machine's shared server is never touched. As root (CI), the server runs as the
 * {@code postgres} system user through {@code runuser}, since PostgreSQL refuses to run as root.
 */
public final class PrivatePostgres implements AutoCloseable {

  /** Debian's layout: /usr/lib/postgresql/<major>/bin. */
  private static final Path VERSIONS = Path.of("/usr/lib/postgresql");
  /** The binaries of the running shared server's major version (or, failing that, the newest installed). */
  private static final Path BIN = serverBinaries();

  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private PrivatePostgres(Path dir, int port, boolean asPostgresUser) {
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Why a private server cannot be made here, or null when it can. */
  public static String unavailableReason() {
    if (BIN == null || !Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
      return "no PostgreSQL server binaries (initdb, pg_ctl) under " + VERSIONS;
    }
    if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
      return "running as root without runuser, and initdb refuses root";
    }
    return null;
  }

  /**
   * The folder of initdb and pg_ctl: the running shared server's major version when its binaries are installed (the
   * suite's own database, {@code motcua.test.pg.url}), otherwise the newest version installed; null when none is.
   */
  private static Path serverBinaries() {
    String url = System.getProperty("motcua.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
        java.sql.ResultSet r = c.createStatement().executeQuery("select current_setting('server_version_num')")) {
      r.next();
      Path running = VERSIONS.resolve(String.valueOf(Integer.parseInt(r.getString(1)) / 10000)).resolve("bin");
      if (Files.isExecutable(running.resolve("initdb"))) {
        return running;
      }
    } catch (java.sql.SQLException | RuntimeException noServer) {
      // fall back to what is installed
    }
    try (var versions = Files.list(VERSIONS)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(java.util.Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
          .orElse(null);
    } catch (IOException | NumberFormatException none) {
      return null;
    }
  }

  public static PrivatePostgres create() throws Exception {
    boolean root = isRoot();
    Path dir = Files.createTempDirectory("motcua-pg-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PrivatePostgres pg = new PrivatePostgres(dir, port, root);
    if (root) {
      run(List.of("chown", "postgres:postgres", dir.toString()), false);
    }
    pg.pg(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
        "-A", "trust", "-E", "UTF8", "--no-sync"));
    pg.start();
    return pg;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public void start() throws Exception {
    pg(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
  }

  /** A fast shutdown: open connections are cut, as when the database server goes away. */
  public void stop() throws Exception {
    pg(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
        "stop"));
  }

  @Override
  public void close() throws Exception {
    try {
      stop();
    } catch (Exception alreadyStopped) {
      // nothing to stop
    }
    run(List.of("rm", "-rf", dir.toString()), false);
  }

  private void pg(List<String> command) throws Exception {
    run(command, asPostgresUser);
  }

  private static void run(List<String> command, boolean asPostgres) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", full) + " failed: " + output);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
