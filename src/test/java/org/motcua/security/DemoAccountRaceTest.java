package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.motcua.support.LockWaits;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes starting together on one database both create the demo accounts. The test plays the other node: it
 * inserts the account in a transaction it holds open, this node's creation reads no account yet and waits on the
 * username when it inserts; when the test commits, this node finds the account there and goes on (before, its
 * startup failed on the duplicate username).
 */
@MotcuaTest
class DemoAccountRaceTest {

  @Autowired
  UserAccounts accounts;
  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void anAccountCreatedByAnotherNodeAtTheSameMomentIsFoundNotFatal() throws Exception {
    String username = "race." + UUID.randomUUID().toString().substring(0, 8);
    CompletableFuture<Boolean> created;
    try (Connection otherNode = dataSource.getConnection()) {
      otherNode.setAutoCommit(false);
      try (PreparedStatement insert = otherNode.prepareStatement("insert into app_user (username, password_hash,"
          + " full_name, role, agency_code) values (?, 'x', 'Cán bộ thử', 'CLERK', '000.01.21.H13')")) {
        insert.setString(1, username);
        insert.executeUpdate();
      }
      created = CompletableFuture.supplyAsync(() -> accounts.createIfAbsent(new UserAccounts.NewAccount(username,
          "demo", "Cán bộ thử", Role.CLERK, "000.01.21.H13", null, null, null)));
      LockWaits.awaitSomeoneWaiting(otherNode, created, "insert into app_user");
      otherNode.commit();
    }

    assertThat(created.get(30, TimeUnit.SECONDS)).as("created by this node").isFalse();
    assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class, username))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username))
        .as("the other node's account is kept").isEqualTo("x");
  }
}
