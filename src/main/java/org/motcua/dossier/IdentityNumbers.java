package org.motcua.dossier;

import java.time.Year;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the applicant's identifier: a 12-digit citizen ID (CCCD) — province code, century-and-sex digit, birth year,
 * serial — or an organisation's tax code (MST, 10 digits, or 13 as {@code 0123456789-001} for a branch).
 */
final class IdentityNumbers {

  /** Province codes of the CCCD (Circular 07/2016/TT-BCA, Annex). */
  private static final Set<String> PROVINCES = Set.of(
      "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
      "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
      "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
      "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");
  private static final Pattern CCCD = Pattern.compile("\\d{12}");
  private static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?");

  private IdentityNumbers() {
  }

  static boolean isValid(String id, Year currentYear) {
    if (id == null) {
      return false;
    }
    return TAX_CODE.matcher(id).matches() || isValidCitizenId(id, currentYear);
  }

  static boolean isValidCitizenId(String id, Year currentYear) {
    if (!CCCD.matcher(id).matches() || !PROVINCES.contains(id.substring(0, 3))) {
      return false;
    }
    // 4th digit: century and sex (0/1: 1900s, 2/3: 2000s, 4/5: 2100s…); 5th–6th: the last two digits of the birth year.
    int century = 1900 + (id.charAt(3) - '0') / 2 * 100;
    int birthYear = century + Integer.parseInt(id.substring(4, 6));
    return birthYear <= currentYear.getValue();
  }
}
