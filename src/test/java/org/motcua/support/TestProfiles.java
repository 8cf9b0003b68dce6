package org.motcua.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Runs the suite with the demo profile (demo accounts, sandbox gateway) on H2 by default, or on PostgreSQL when {@code -Dmotcua.test.database=postgresql} (the second
 * surefire execution). On PostgreSQL the schema {@code motcua_test} (or {@code -Dmotcua.test.pg.schema}) is dropped
 * and created once per JVM, so every run starts empty without touching anything else in the shared database.
 */
public class TestProfiles implements ActiveProfilesResolver {

  private static boolean schemaReady;

  @Override
  public String[] resolve(Class<?> testClass) {
    if (!"postgresql".equals(System.getProperty("motcua.test.database"))) {
      return new String[] {"demo", "test"};
    }
    prepareSchema();
    return new String[] {"demo", "test", "postgres", "test-postgres"};
  }

  private static synchronized void prepareSchema() {
    if (schemaReady) {
      return;
    }
    freshSchema("");
    schemaReady = true;
  }

  /**
   * Drops and creates the schema {@code motcua_test} + {@code suffix} (the test schema, or one of its own for a test
   * that needs a database apart) in the machine's {@code test} database; returns its name.
   */
  public static String freshSchema(String suffix) {
    String url = System.getProperty("motcua.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = System.getenv().getOrDefault("MOTCUA_DB_USER", "postgres");
    String schema = System.getProperty("motcua.test.pg.schema", "motcua_test") + suffix;
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("motcua.test.pg.schema must be a plain lower-case identifier: " + schema);
    }
    try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
      s.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + " is not reachable for the test suite: " + e.getMessage()
          + " (start it, or run only the H2 suite with -DskipPostgresTests=true)", e);
    }
    return schema;
  }
}
