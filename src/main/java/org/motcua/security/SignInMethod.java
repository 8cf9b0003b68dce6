package org.motcua.security;

import java.io.Serializable;

/**
 * How the signed-in user proved who they are: with a local password ({@link #LOCAL}) or through an OpenID Connect
 * provider, with the assurance level it stated. Kept with the sign-in (in the session for pages) and recorded on the
 * dossiers the user submits.
 *
 * @param provider         {@code local}, or the provider's registration id
 * @param assuranceLevel   the level the provider stated, or null (local accounts, or none stated)
 * @param vneidVerified    whether the provider is the national e-identity (VNeID)
 * @param minimumAssurance the level the provider demands for online submission (0: none)
 */
public record SignInMethod(String provider, Integer assuranceLevel, boolean vneidVerified, int minimumAssurance)
    implements Serializable {

  public static final String LOCAL_PROVIDER = "local";
  public static final SignInMethod LOCAL = new SignInMethod(LOCAL_PROVIDER, null, false, 0);

  /** Whether the user may submit a dossier online: always with a local account, else at the required level. */
  public boolean maySubmitOnline() {
    return minimumAssurance <= 0 || (assuranceLevel != null && assuranceLevel >= minimumAssurance);
  }
}
