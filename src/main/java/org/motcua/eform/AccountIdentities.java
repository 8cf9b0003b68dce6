package org.motcua.eform;

import org.motcua.security.MotcuaUser;
import org.motcua.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * What the signed-in account knows of its holder, for pre-filling a form: the name and identity number it signed in
 * with and the phone it gave. An account keeps no date of birth or address, so those fields stay empty for the holder
 * to fill in (a sign-in through VNeID that passed them on would add them here).
 */
@Component
public class AccountIdentities {

  private final UserAccounts accounts;

  AccountIdentities(UserAccounts accounts) {
    this.accounts = accounts;
  }

  /** The identity of the signed-in user; null for nobody signed in. */
  public Identity of(MotcuaUser user) {
    if (user == null) {
      return null;
    }
    return new Identity(user.fullName(), user.idNumber(), null, null, accounts.phone(user.username()).orElse(null));
  }
}
