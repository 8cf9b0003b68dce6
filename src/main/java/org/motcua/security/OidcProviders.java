package org.motcua.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect providers motcua accepts ({@code motcua.security.oidc.providers.<id>}), README "Sign-in with
 * OpenID Connect". None configured: sign-in stays with local accounts only, as before.
 *
 * @param providers by registration id (the id appears in {@code /oauth2/authorization/<id>} and in each dossier's
 *                  record of how its submitter signed in)
 */
@ConfigurationProperties("motcua.security.oidc")
public record OidcProviders(Map<String, Provider> providers) {

  public OidcProviders {
    providers = providers == null ? Map.of() : new TreeMap<>(providers);
  }

  /** The codes a refused provider sign-in comes back to the sign-in page with ({@code /login?oidcError=<code>}). */
  public static final java.util.Set<String> REFUSAL_CODES = java.util.Set.of("IDENTITY_CLAIM_MISSING",
      "IDENTITY_CONFLICT", "OFFICER_NOT_AUTHORISED", "ACCOUNT_DISABLED", "OIDC_SIGN_IN_FAILED", "IDENTITY_NOT_VERIFIED",
      "IDENTITY_ASSURANCE_TOO_LOW");

  public boolean any() {
    return !providers.isEmpty();
  }

  /** The sign-in page's buttons: provider id (its address {@code /oauth2/authorization/<id>}) and label. */
  public Map<String, String> buttons() {
    Map<String, String> buttons = new java.util.LinkedHashMap<>();
    providers.forEach((id, p) -> buttons.put(id, p.label(id)));
    return buttons;
  }

  /** Who a provider signs in. */
  public enum Kind {
    /** Citizens (the national e-identity, VNeID): accounts linked by identity number. */
    CITIZEN,
    /** Officers (the province's single sign-on): accounts linked by subject, agency and role from the claims. */
    OFFICER
  }

  /**
   * One provider.
   *
   * @param kind                   citizen identity or officer identity
   * @param displayName            the sign-in button's label
   * @param issuerUri              the issuer; its {@code /.well-known/openid-configuration} is read at first use
   * @param clientId               motcua's client id at the provider
   * @param clientSecret           motcua's client secret (required outside the demo profile)
   * @param scopes                 asked for at sign-in
   * @param audience               the {@code aud} a bearer token for the API must name (default: the client id)
   * @param clockSkew              tolerance on a token's {@code exp}, {@code nbf} and {@code iat}
   * @param vneid                  whether this provider is the national e-identity: dossiers submitted by its accounts
   *                               count as submitted by a VNeID-verified account
   * @param minimumAssuranceLevel  citizens: below it (or without a level) online submission is refused
   * @param identityNumberVerified citizens: whether the provider verifies the identity-number claim (VNeID does):
   *                               only then does a sign-in link to the account and e-data warehouse of that number,
   *                               and only at or above {@code minimumAssuranceLevel}; default no (sign-in refused)
   * @param allowAdmin             officers: whether this provider may make an ADMIN of motcua (default no: an
   *                               identity provider's group or role claim never grants ADMIN unless allowed here)
   * @param claims                 which claims carry what
   */
  public record Provider(
      @DefaultValue("CITIZEN") Kind kind,
      String displayName,
      String issuerUri,
      String clientId,
      String clientSecret,
      @DefaultValue({"openid", "profile", "email", "phone"}) List<String> scopes,
      String audience,
      @DefaultValue("PT60S") Duration clockSkew,
      @DefaultValue("false") boolean vneid,
      @DefaultValue("0") int minimumAssuranceLevel,
      @DefaultValue Claims claims,
      @DefaultValue("false") boolean allowAdmin,
      @DefaultValue("false") boolean identityNumberVerified) {

    public String audienceOrClientId() {
      return audience == null || audience.isBlank() ? clientId : audience;
    }

    public String label(String id) {
      return displayName == null || displayName.isBlank() ? id : displayName;
    }
  }

  /**
   * Claim names. Officers' role and agency come from {@code role} and {@code agency}, or, when {@code groups} is
   * set, from one group named {@code <groupPrefix><ROLE>@<agency code>} (e.g. {@code CLERK@000.00.12.H13}, the
   * candidate group of motcua's tasks). Role names match exactly (upper case, as in motcua); production refuses
   * groups without a prefix.
   */
  public record Claims(
      @DefaultValue("id_number") String idNumber,
      @DefaultValue("name") String fullName,
      @DefaultValue("phone_number") String phone,
      @DefaultValue("email") String email,
      @DefaultValue("acr") String assuranceLevel,
      @DefaultValue("role") String role,
      @DefaultValue("agency_code") String agency,
      String groups,
      @DefaultValue("") String groupPrefix) {
  }
}
