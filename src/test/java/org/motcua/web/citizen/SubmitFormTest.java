package org.motcua.web.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Online the applicant must be reachable: phone and address are required, beyond the shared applicant checks. */
class SubmitFormTest {

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void aCompleteFormIsValidAndGivesTheApplicantTrimmed() {
    SubmitForm form = form("0912345678", " Số 12 Trần Hưng Đạo ");
    assertThat(errors(form)).isEmpty();
    assertThat(form.applicant().address()).isEqualTo("Số 12 Trần Hưng Đạo");
    assertThat(form.applicant().idNumber()).isEqualTo("093085000123");
  }

  @Test
  void phoneAndAddressAreRequiredOnline() {
    assertThat(errors(form(null, null))).containsOnlyKeys("phone", "address")
        .containsEntry("phone", "{web.validation.required}").containsEntry("address", "{web.validation.required}");
    assertThat(errors(form("912345678", "x"))).containsOnlyKeys("phone")
        .containsEntry("phone", "{web.validation.phone}");
  }

  @Test
  void theSharedApplicantChecksApply() {
    SubmitForm form = form("0912345678", "x");
    form.setIdNumber("12345");
    form.setEmail("an.nguyen");
    assertThat(errors(form)).containsOnlyKeys("idNumber", "email");
  }

  private static SubmitForm form(String phone, String address) {
    SubmitForm form = new SubmitForm();
    form.setName("Nguyễn Văn An");
    form.setIdNumber(" 093085000123 ");
    form.setPhone(phone);
    form.setEmail("");
    form.setAddress(address);
    return form;
  }

  private Map<String, String> errors(Object form) {
    return validator.validate(form).stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
        v -> v.getMessageTemplate(), (a, b) -> a + " " + b));
  }
}
