package org.motcua.security;

import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates and looks up user accounts; the small API other features use. */
@Service
public class UserAccounts {

  private final AppUserRepository users;
  private final PasswordEncoder encoder;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate inTransaction;

  UserAccounts(AppUserRepository users, PasswordEncoder encoder, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.users = users;
    this.encoder = encoder;
    this.jdbc = jdbc;
    this.inTransaction = new TransactionTemplate(transactions);
  }

  /**
   * The account as sign-in needs it, read fresh at every API call (HTTP Basic) so that a disabled account or a
   * changed role takes effect at once on every node: one plain select, without a JPA session and transaction. The
   * hash stays in the {@link SignInAccount}; the principal kept after sign-in has none.
   */
  Optional<SignInAccount> forSignIn(String username) {
    return jdbc.query("select password_hash, full_name, role, agency_code, id_number, enabled from app_user"
            + " where username = ?",
        rs -> rs.next()
            ? Optional.of(new SignInAccount(new MotcuaUser(username, rs.getString(2), Role.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getBoolean(6)), rs.getString(1)))
            : Optional.<SignInAccount>empty(),
        username);
  }

  /**
   * Creates the account unless one with that username exists; returns whether it was created. Nodes of a cluster
   * starting together create the same demo accounts at the same moment: the one whose insert loses on the username
   * finds the account there and carries on, instead of failing to start.
   */
  public boolean createIfAbsent(NewAccount account) {
    try {
      return Boolean.TRUE.equals(inTransaction.execute(status -> {
        if (users.existsById(account.username())) {
          return false;
        }
        users.save(new AppUser(account.username(), encoder.encode(account.password()), account.fullName(),
            account.role(), account.agencyCode(), account.idNumber(), account.phone(), account.email()));
        return true;
      }));
    } catch (DataIntegrityViolationException raced) {
      if (users.existsById(account.username())) {
        return false;
      }
      throw raced;
    }
  }

  @Transactional(readOnly = true)
  public Optional<MotcuaUser> find(String username) {
    return users.findById(username).map(AppUser::toPrincipal);
  }

  /**
   * The phone number the account holder gave, for pre-filling forms (an e-form's declaration); empty when none.
   */
  @Transactional(readOnly = true)
  public Optional<String> phone(String username) {
    return users.findById(username).map(AppUser::getPhone).filter(p -> p != null && !p.isBlank());
  }

  /** The citizen account with this CCCD or tax code, if the applicant has one. */
  @Transactional(readOnly = true)
  public Optional<MotcuaUser> citizenWithIdNumber(String idNumber) {
    return users.findFirstByRoleAndIdNumber(Role.CITIZEN, idNumber).map(AppUser::toPrincipal);
  }

  /** The bytes of the files this account has uploaded (a citizen's storage, see {@link #addStoredBytes}). */
  public long storedBytes(String username) {
    Long bytes = jdbc.queryForObject("select stored_bytes from app_user where username = ?", Long.class, username);
    return bytes == null ? 0 : bytes;
  }

  /**
   * Adds uploaded bytes to the account's count unless that would pass {@code limit}; returns whether it did. One
   * conditional update: two uploads of the same account committing together cannot both slip under the limit.
   */
  public boolean addStoredBytes(String username, long bytes, long limit) {
    return jdbc.update("update app_user set stored_bytes = stored_bytes + ? where username = ?"
        + " and stored_bytes + ? <= ?", bytes, username, bytes, limit) == 1;
  }

  public record NewAccount(String username, String password, String fullName, Role role, String agencyCode,
      String idNumber, String phone, String email) {
  }
}
