package org.motcua.security;

import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and looks up user accounts; the small API other features use. */
@Service
public class UserAccounts {

  private final AppUserRepository users;
  private final PasswordEncoder encoder;

  UserAccounts(AppUserRepository users, PasswordEncoder encoder) {
    this.users = users;
    this.encoder = encoder;
  }

  /** Creates the account unless one with that username exists; returns whether it was created. */
  @Transactional
  public boolean createIfAbsent(NewAccount account) {
    if (users.existsById(account.username())) {
      return false;
    }
    users.save(new AppUser(account.username(), encoder.encode(account.password()), account.fullName(),
        account.role(), account.agencyCode(), account.idNumber(), account.phone(), account.email()));
    return true;
  }

  @Transactional(readOnly = true)
  public Optional<MotcuaUser> find(String username) {
    return users.findById(username).map(AppUser::toPrincipal);
  }

  /** The citizen account with this CCCD or tax code, if the applicant has one. */
  @Transactional(readOnly = true)
  public Optional<MotcuaUser> citizenWithIdNumber(String idNumber) {
    return users.findFirstByRoleAndIdNumber(Role.CITIZEN, idNumber).map(AppUser::toPrincipal);
  }

  public record NewAccount(String username, String password, String fullName, Role role, String agencyCode,
      String idNumber, String phone, String email) {
  }
}
