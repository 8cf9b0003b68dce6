package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.Year;
import org.junit.jupiter.api.Test;

/** Plain rules, no Spring: timeliness classification and applicant identifiers. */
class DossierRulesTest {

  private static final LocalDateTime DUE = LocalDateTime.of(2025, 2, 13, 9, 0);

  @Test
  void timelinessFollowsTheDueDaysCalendarDayAndTheDueInstant() {
    assertThat(Timeliness.classify(LocalDateTime.of(2025, 2, 12, 16, 59), DUE, 0)).isEqualTo(Timeliness.EARLY);
    assertThat(Timeliness.classify(LocalDateTime.of(2025, 2, 13, 7, 0), DUE, 0)).isEqualTo(Timeliness.ON_TIME);
    assertThat(Timeliness.classify(DUE, DUE, 1)).isEqualTo(Timeliness.ON_TIME);
    assertThat(Timeliness.classify(DUE.plusMinutes(1), DUE, 0)).isEqualTo(Timeliness.LATE);
    // More than one supplement request counts as late whatever the dates.
    assertThat(Timeliness.classify(LocalDateTime.of(2025, 2, 1, 8, 0), DUE, 2)).isEqualTo(Timeliness.LATE);
  }

  @Test
  void citizenIdsAndTaxCodesAreChecked() {
    Year year = Year.of(2026);
    assertThat(IdentityNumbers.isValid("093085000123", year)).isTrue(); // Hậu Giang, male, born 1985
    assertThat(IdentityNumbers.isValid("001305012345", year)).isTrue(); // Hà Nội, female, born 2005
    assertThat(IdentityNumbers.isValid("0312345678", year)).isTrue(); // tax code
    assertThat(IdentityNumbers.isValid("0312345678-001", year)).isTrue(); // branch tax code
    assertThat(IdentityNumbers.isValid("999085000123", year)).isFalse(); // no province 999
    assertThat(IdentityNumbers.isValid("003085000123", year)).isFalse(); // no province 003
    assertThat(IdentityNumbers.isValid("093299000123", year)).isFalse(); // born in 2099
    assertThat(IdentityNumbers.isValid("09308500012", year)).isFalse();
    assertThat(IdentityNumbers.isValid("09308500012A", year)).isFalse();
    assertThat(IdentityNumbers.isValid(null, year)).isFalse();
  }
}
