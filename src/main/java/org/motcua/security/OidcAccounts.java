package org.motcua.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts provisioned at sign-in from a provider's claims (just in time), for pages and bearer tokens alike.
 *
 * <ul>
 *   <li>Citizens are linked by identity number, through providers that verify it ({@code identity-number-verified})
 *       and at or above the provider's minimum assurance level: the first sign-in of a subject links it to the
 *       citizen account with that number (a local password account included: never a second account for the same
 *       person) or creates one.
 *       From then on the account belongs to that subject: another subject of the provider claiming the same number,
 *       or the subject claiming another number, is refused ({@code IDENTITY_CONFLICT}).
 *   <li>Officers are linked by subject; their role and agency are taken from the claims at every sign-in, so an
 *       officer moved to another agency works there from the next sign-in on, and one whose claims name no role of
 *       motcua any more is disabled and refused ({@code OFFICER_NOT_AUTHORISED}). A bearer token's role and agency
 *       apply to its own request only, on an enabled account: it neither moves nor re-enables nor disables one.
 * </ul>
 * Accounts created here have a password nobody knows (the hash of random bytes): they sign in through the provider
 * only.
 */
@Service
class OidcAccounts {

  private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);
  private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{9,13}");
  private static final Pattern LEVEL = Pattern.compile("([0-9]+)\\s*$");
  private static final Set<Role> OFFICER_PROVIDER_ROLES = Set.of(Role.CLERK, Role.SPECIALIST, Role.LEADER,
      Role.SUPERVISOR, Role.ADMIN);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate inTransaction;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  OidcAccounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, PasswordEncoder encoder, Clock clock) {
    this.jdbc = jdbc;
    this.inTransaction = new TransactionTemplate(transactions);
    this.encoder = encoder;
    this.clock = clock;
  }

  /** The signed-in account and how it signed in, from a provider's claims (ID token, user info or access token). */
  record SignedIn(MotcuaUser user, SignInMethod method) {
  }

  /**
   * The account a sign-in gives. {@code bearer}: an API call's token, which never changes an account that exists (no
   * role, agency, profile or enabled written: a token issued before an officer was moved or removed must not undo
   * it); its role and agency apply to that request only, and only while the account is enabled. A subject seen for
   * the first time is still provisioned (linked or created) as by a page sign-in.
   */
  SignedIn signIn(String providerId, OidcProviders.Provider provider, String subject, Map<String, Object> claims,
      boolean bearer) {
    if (subject == null || subject.isBlank()) {
      throw new OidcSignInRefused(OidcSignInRefused.IDENTITY_CLAIM_MISSING, "sub");
    }
    OidcProviders.Claims names = provider.claims();
    Profile profile = new Profile(text(claims, names.fullName()), text(claims, names.phone()),
        text(claims, names.email()));
    try {
      return attempt(providerId, provider, subject, claims, profile, bearer);
    } catch (DataIntegrityViolationException raced) {
      // Two first sign-ins of the same person at the same moment (parallel API calls): the other one linked it.
      return attempt(providerId, provider, subject, claims, profile, bearer);
    }
  }

  private SignedIn attempt(String providerId, OidcProviders.Provider provider, String subject,
      Map<String, Object> claims, Profile profile, boolean bearer) {
    if (provider.kind() == OidcProviders.Kind.CITIZEN) {
      String idNumber = text(claims, provider.claims().idNumber());
      if (idNumber == null || !ID_NUMBER.matcher(idNumber).matches()) {
        throw new OidcSignInRefused(OidcSignInRefused.IDENTITY_CLAIM_MISSING, provider.claims().idNumber());
      }
      if (!provider.identityNumberVerified()) {
        // Its number is only what the person typed somewhere: it must not open that number's account or warehouse.
        throw new OidcSignInRefused(OidcSignInRefused.IDENTITY_NOT_VERIFIED, providerId);
      }
      Integer level = assuranceLevel(claims.get(provider.claims().assuranceLevel()));
      boolean firstLinkAllowed = provider.minimumAssuranceLevel() <= 0
          || (level != null && level >= provider.minimumAssuranceLevel());
      MotcuaUser user = inTransaction.execute(status -> citizen(providerId, subject, idNumber, profile,
          firstLinkAllowed, bearer));
      return new SignedIn(user,
          new SignInMethod(providerId, level, provider.vneid(), Math.max(0, provider.minimumAssuranceLevel())));
    }
    Assignment assignment = assignment(provider, claims);
    MotcuaUser user = inTransaction.execute(status -> officer(providerId, subject, assignment, profile, bearer));
    if (user == null) {
      // Refused after the transaction that disabled the account (page sign-in) has committed.
      throw new OidcSignInRefused(OidcSignInRefused.OFFICER_NOT_AUTHORISED, "no role and agency in the claims");
    }
    return new SignedIn(user, new SignInMethod(providerId, assuranceLevel(claims.get(provider.claims()
        .assuranceLevel())), false, 0));
  }

  /**
   * The citizen account of the subject. A subject not linked yet is linked (to the account holding the number, or a
   * new one bound to it) only when {@code firstLinkAllowed}: at or above the provider's minimum assurance level.
   */
  private MotcuaUser citizen(String provider, String subject, String idNumber, Profile profile,
      boolean firstLinkAllowed, boolean bearer) {
    Optional<String> linked = linkedAccount(provider, subject);
    String username;
    if (linked.isPresent()) {
      username = linked.get();
      String number = jdbc.queryForObject("select id_number from app_user where username = ?", String.class,
          username);
      if (!idNumber.equals(number)) {
        throw new OidcSignInRefused(OidcSignInRefused.IDENTITY_CONFLICT, "subject linked to another number");
      }
    } else {
      if (!firstLinkAllowed) {
        throw new OidcSignInRefused(OidcSignInRefused.IDENTITY_ASSURANCE_TOO_LOW, "first link below the minimum");
      }
      List<String> holders = jdbc.queryForList("select username from app_user where role = 'CITIZEN'"
          + " and id_number = ? order by username", String.class, idNumber);
      if (holders.isEmpty()) {
        username = accountName(provider, idNumber);
        insertAccount(username, profile, Role.CITIZEN, null, idNumber);
      } else {
        username = holders.get(0);
        Integer others = jdbc.queryForObject("select count(*) from account_identity where provider = ?"
            + " and username = ?", Integer.class, provider, username);
        if (others != null && others > 0) {
          // The number's account already belongs to another subject of this provider.
          throw new OidcSignInRefused(OidcSignInRefused.IDENTITY_CONFLICT, "number linked to another subject");
        }
      }
      link(provider, subject, username);
    }
    if (!bearer) {
      refresh(username, profile, null);
    }
    return enabled(username);
  }

  /**
   * The officer's account with the claims' role and agency; null (page sign-in: account disabled) when they name
   * none. A bearer token changes nothing stored: its role and agency go to this request's user only.
   */
  private MotcuaUser officer(String provider, String subject, Assignment assignment, Profile profile,
      boolean bearer) {
    Optional<String> linked = linkedAccount(provider, subject);
    if (assignment == null) {
      // Removed from the one-stop shop (no role of motcua in the claims any more): the account stops working at once.
      if (!bearer) {
        linked.ifPresent(username -> jdbc.update("update app_user set enabled = false where username = ?",
            username));
      }
      return null;
    }
    String username;
    if (linked.isPresent() && bearer) {
      MotcuaUser stored = enabled(linked.get());
      return new MotcuaUser(stored.username(), stored.fullName(), assignment.role(), assignment.agency(),
          stored.idNumber(), true);
    }
    if (linked.isPresent()) {
      username = linked.get();
      refresh(username, profile, assignment);
    } else {
      username = accountName(provider, subject);
      insertAccount(username, profile, assignment.role(), assignment.agency(), null);
      link(provider, subject, username);
    }
    log.info("Officer {} signed in through {} as {}{}", username, provider, assignment.role(),
        assignment.agency() == null ? "" : "@" + assignment.agency());
    return enabled(username);
  }

  /**
   * The role and agency the claims give; null when they give none (or more than one). Role names match exactly as
   * motcua spells them ({@code CLERK}, not {@code clerk}); ADMIN only from a provider with {@code allow-admin}.
   */
  static Assignment assignment(OidcProviders.Provider provider, Map<String, Object> claims) {
    OidcProviders.Claims names = provider.claims();
    Assignment assignment = assignment(names, claims);
    return assignment != null && assignment.role() == Role.ADMIN && !provider.allowAdmin() ? null : assignment;
  }

  private static Assignment assignment(OidcProviders.Claims names, Map<String, Object> claims) {
    if (names.groups() != null && !names.groups().isBlank()) {
      Set<Assignment> found = new TreeSet<>();
      Object groups = claims.get(names.groups());
      if (groups instanceof java.util.Collection<?> collection) {
        for (Object group : collection) {
          String name = String.valueOf(group);
          if (name.startsWith(names.groupPrefix())) {
            Assignment a = parse(name.substring(names.groupPrefix().length()));
            if (a != null) {
              found.add(a);
            }
          }
        }
      }
      // Several motcua groups would leave the agency to chance: none is taken.
      return found.size() == 1 ? found.iterator().next() : null;
    }
    String role = text(claims, names.role());
    String agency = text(claims, names.agency());
    return role == null ? null : assignment(role, agency);
  }

  private static Assignment parse(String group) {
    int at = group.indexOf('@');
    return at < 0 ? assignment(group, null) : assignment(group.substring(0, at), group.substring(at + 1));
  }

  private static Assignment assignment(String roleName, String agency) {
    Role role;
    try {
      role = Role.valueOf(roleName);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
    if (!OFFICER_PROVIDER_ROLES.contains(role)) {
      return null;
    }
    if (role == Role.ADMIN) {
      return new Assignment(role, null);
    }
    return agency == null || agency.isBlank() || agency.length() > 40 ? null : new Assignment(role, agency.trim());
  }

  record Assignment(Role role, String agency) implements Comparable<Assignment> {
    @Override
    public int compareTo(Assignment o) {
      return (role + "@" + agency).compareTo(o.role + "@" + o.agency);
    }
  }

  /** A level stated as a number or ending in one ({@code 2}, {@code "2"}, {@code "urn:…:loa:2"}); else null. */
  static Integer assuranceLevel(Object claim) {
    if (claim instanceof Number number) {
      return number.intValue();
    }
    if (claim == null) {
      return null;
    }
    Matcher m = LEVEL.matcher(claim.toString());
    return m.find() && m.group(1).length() <= 3 ? Integer.valueOf(m.group(1)) : null;
  }

  private Optional<String> linkedAccount(String provider, String subject) {
    return jdbc.queryForList("select username from account_identity where provider = ? and subject = ?",
        String.class, provider, subject).stream().findFirst();
  }

  private void link(String provider, String subject, String username) {
    jdbc.update("insert into account_identity (provider, subject, username, linked_at) values (?, ?, ?, ?)",
        provider, subject, username, Timestamp.from(Instant.now(clock)));
  }

  private void insertAccount(String username, Profile profile, Role role, String agency, String idNumber) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String name = profile.fullName() == null ? (idNumber != null ? idNumber : username) : profile.fullName();
    jdbc.update("insert into app_user (username, password_hash, full_name, role, agency_code, id_number, phone, email,"
            + " enabled) values (?, ?, ?, ?, ?, ?, ?, ?, true)", username,
        encoder.encode(Base64.getEncoder().encodeToString(secret)), cut(name, 200), role.name(), agency, idNumber,
        cut(profile.phone(), 20), cut(profile.email(), 200));
  }

  /**
   * Brings the account in line with the claims (name, phone, e-mail; an officer's role and agency, enabled again),
   * writing only what changed. Page sign-ins only: a bearer token never writes to an existing account.
   */
  private void refresh(String username, Profile profile, Assignment assignment) {
    Map<String, Object> row = jdbc.queryForMap("select full_name, phone, email, role, agency_code, enabled"
        + " from app_user where username = ?", username);
    Map<String, Object> wanted = new java.util.LinkedHashMap<>();
    if (profile.fullName() != null) {
      wanted.put("full_name", cut(profile.fullName(), 200));
    }
    if (profile.phone() != null) {
      wanted.put("phone", cut(profile.phone(), 20));
    }
    if (profile.email() != null) {
      wanted.put("email", cut(profile.email(), 200));
    }
    if (assignment != null) {
      wanted.put("role", assignment.role().name());
      wanted.put("agency_code", assignment.agency());
      wanted.put("enabled", Boolean.TRUE);
    }
    wanted.entrySet().removeIf(e -> java.util.Objects.equals(e.getValue(), row.get(e.getKey())));
    if (wanted.isEmpty()) {
      return;
    }
    List<Object> args = new java.util.ArrayList<>(wanted.values());
    args.add(username);
    jdbc.update("update app_user set " + String.join(" = ?, ", wanted.keySet()) + " = ? where username = ?",
        args.toArray());
  }

  private MotcuaUser enabled(String username) {
    MotcuaUser user = jdbc.queryForObject("select full_name, role, agency_code, id_number, enabled from app_user"
            + " where username = ?", (rs, i) -> new MotcuaUser(username, rs.getString(1), Role.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4), rs.getBoolean(5)), username);
    if (user == null || !user.isEnabled()) {
      throw new OidcSignInRefused(OidcSignInRefused.ACCOUNT_DISABLED, username);
    }
    return user;
  }

  /** {@code <provider>:<key>}, or with a digest of the key when that would not fit the username column. */
  private static String accountName(String provider, String key) {
    String name = provider + ":" + key;
    if (name.length() <= 100) {
      return name;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return cut(provider, 35) + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Map<String, Object> claims, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    Object value = claims.get(name);
    String text = value == null ? null : value.toString().trim();
    return text == null || text.isEmpty() ? null : text;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private record Profile(String fullName, String phone, String email) {
  }
}
