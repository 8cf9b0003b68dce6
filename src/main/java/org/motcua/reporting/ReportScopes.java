package org.motcua.reporting;

import java.util.List;
import java.util.Optional;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read which agency's reports, which dossiers that scope counts, and under which unit each dossier is
 * grouped, in either {@link Structure}.
 *
 * <p>The scope of an agency that exists today is the same in both views: the dossiers received by it or below it,
 * and by every abolished agency whose work it carries today ({@link Catalog#currentAgency}: the principal successor,
 * followed until today). So a province's supervisor reads the 2023 history of the province it succeeded, and both
 * views add up to the same totals; an agency with several successors counts for its first one only, never twice.
 * An abolished agency can be read as a scope only as received: its subtree in the tree of its time.
 *
 * <p>A supervisor reads their own agency's scope and any agency below it; an abolished agency only if every agency
 * of its old subtree is carried today by their agency or one below it (a ward does not read the district it was
 * part of, whose other communes went elsewhere).
 */
@Component
class ReportScopes {

  private final Catalog catalog;

  ReportScopes(Catalog catalog) {
    this.catalog = catalog;
  }

  ReportScope resolve(MotcuaUser user, String requested, Structure structure) {
    // A blank agency (a form's unchosen select) is no agency.
    String agency = requested == null || requested.isBlank() ? null : requested.trim();
    if (agency != null && catalog.agency(agency).isEmpty()) {
      throw ReportRefusal.UNKNOWN_AGENCY.exception(agency);
    }
    String target;
    if (user.is(Role.ADMIN)) {
      target = agency;
    } else if (!user.is(Role.SUPERVISOR)) {
      // Subtrees are for supervisors; the other officers' register is their own agency's (DossierForms#register).
      throw ReportRefusal.REPORT_SCOPE_DENIED.exception(agency == null ? user.agencyCode() : agency);
    } else {
      target = agency == null ? user.agencyCode() : agency;
      if (!mayRead(user.agencyCode(), target)) {
        throw ReportRefusal.REPORT_SCOPE_DENIED.exception(target);
      }
    }
    if (target == null) {
      return new ReportScope(null, structure, List.of("%"));
    }
    Agency a = catalog.agency(target).orElseThrow(() -> ReportRefusal.UNKNOWN_AGENCY.exception(target));
    if (a.isAbolishedOn(catalog.today())) {
      if (structure == Structure.CURRENT) {
        throw ReportRefusal.AGENCY_NOT_CURRENT.exception(a.code(), a.validTo(),
            catalog.currentAgency(a.code()).map(Agency::code).orElse(""));
      }
      return new ReportScope(a.code(), structure, List.of("%/" + a.code() + "/%"));
    }
    return ReportScope.history(a.code(), structure, catalog.history(a.code()));
  }

  /**
   * True if a supervisor of {@code own} may read {@code target}: it is {@code own} or below it, or it is abolished
   * and all of its old subtree is carried today by {@code own} or the units below it.
   */
  boolean mayRead(String own, String target) {
    if (catalog.isWithin(target, own)) {
      return true;
    }
    Agency a = catalog.agency(target).orElse(null);
    if (a == null || !a.isAbolishedOn(catalog.today()) || own == null) {
      return false;
    }
    return catalog.allAgencies().stream().filter(x -> catalog.isWithin(x.code(), target))
        .allMatch(x -> catalog.isWithin(catalog.currentAgency(x.code()).orElseThrow().code(), own));
  }

  /** The agencies a user may pick as a report's scope in this view: today's, plus abolished ones as received. */
  List<Agency> pickable(MotcuaUser user, Structure structure) {
    return catalog.allAgencies().stream()
        .filter(a -> structure == Structure.RECEIVED || !a.isAbolishedOn(catalog.today()))
        .filter(a -> a.isValidOn(catalog.today()) || a.isAbolishedOn(catalog.today()))
        .filter(a -> user.is(Role.ADMIN) || mayRead(user.agencyCode(), a.code()))
        .toList();
  }

  /**
   * For a breakdown by agency: the unit directly below the scope that a dossier received under this path counts
   * for, or the scope itself for its own dossiers. As received, the unit is read on the path of the time; an
   * abolished agency that stood for the scope (e.g. the old province for today's, the old district for the ward
   * carrying its work) is passed through like the scope, any other abolished unit is a row of its own. In today's
   * structure, the receiving agency is first replaced by the agency carrying its work today.
   */
  String unitKey(String path, ReportScope scope) {
    String[] codes = codes(scope.structure() == Structure.CURRENT ? currentPath(path) : path);
    String agency = scope.agency();
    if (agency == null) {
      return codes[0];
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i].equals(agency)) {
        return i + 1 < codes.length ? codes[i + 1] : agency;
      }
    }
    // Received by an abolished agency the scope took over: the first agency on its path carried within the scope.
    for (int i = 0; i < codes.length; i++) {
      Optional<Agency> today = catalog.currentAgency(codes[i]);
      if (today.isPresent() && catalog.isWithin(today.get().code(), agency)) {
        boolean standsForScope = today.get().code().equals(agency);
        return standsForScope && i + 1 < codes.length ? codes[i + 1] : codes[i];
      }
    }
    return path;
  }

  /** For a breakdown by level: the level of the receiving agency, or of the one carrying its work today. */
  String levelKey(String path, ReportScope scope) {
    String[] codes = codes(path);
    String receiving = codes[codes.length - 1];
    Optional<Agency> agency = scope.structure() == Structure.CURRENT ? catalog.currentAgency(receiving)
        : catalog.agency(receiving);
    return agency.map(a -> a.level().name()).orElse(UNKNOWN_LEVEL);
  }

  static final String UNKNOWN_LEVEL = "UNKNOWN";

  /** The path of the agency carrying today the work of the one that received under this path (unknown: as is). */
  private String currentPath(String path) {
    String[] codes = codes(path);
    return catalog.currentAgency(codes[codes.length - 1]).map(a -> catalog.path(a.code())).orElse(path);
  }

  private static String[] codes(String path) {
    return path.substring(1).split("/");
  }
}
