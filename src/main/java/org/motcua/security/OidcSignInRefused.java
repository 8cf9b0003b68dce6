package org.motcua.security;

import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A provider vouched for someone motcua does not let in: the error code is motcua's stable code (its Vietnamese
 * message is {@code error.<code>}). Pages go back to the sign-in page with it, the API answers 401 problem+json.
 */
final class OidcSignInRefused extends OAuth2AuthenticationException {

  private static final long serialVersionUID = 1L;

  /** The token lacks the claim that says who this is (identity number for citizens). Args: claim. */
  static final String IDENTITY_CLAIM_MISSING = "IDENTITY_CLAIM_MISSING";
  /** The identity number is already linked to another subject of this provider, or the subject to another number. */
  static final String IDENTITY_CONFLICT = "IDENTITY_CONFLICT";
  /** An officer's claims name no role and agency of motcua (removed, or not a one-stop-shop officer). */
  static final String OFFICER_NOT_AUTHORISED = "OFFICER_NOT_AUTHORISED";
  /** A citizen provider that does not verify identity numbers ({@code identity-number-verified} false). */
  static final String IDENTITY_NOT_VERIFIED = "IDENTITY_NOT_VERIFIED";
  /** A first link of a subject to an identity number below the provider's minimum assurance level. */
  static final String IDENTITY_ASSURANCE_TOO_LOW = "IDENTITY_ASSURANCE_TOO_LOW";
  /** The account is disabled. */
  static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";

  static final Set<String> CODES = Set.of(IDENTITY_CLAIM_MISSING, IDENTITY_CONFLICT, OFFICER_NOT_AUTHORISED,
      ACCOUNT_DISABLED, IDENTITY_NOT_VERIFIED, IDENTITY_ASSURANCE_TOO_LOW);

  OidcSignInRefused(String code, String detail) {
    super(new OAuth2Error(code, detail, null), detail);
  }
}
