package org.motcua.web.officer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.motcua.dossier.Channel;

/** At the counter phone and address are optional, and what the clerk leaves empty is nothing. */
class CounterFormTest {

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void phoneAndAddressMayBeLeftEmpty() {
    CounterForm form = form(" ", " ");
    assertThat(errors(form)).isEmpty();
    assertThat(form.applicant().phone()).isNull();
    assertThat(form.applicant().address()).isNull();
    assertThat(form.came(Channel.COUNTER)).isTrue();
  }

  @Test
  void aPhoneGivenIsChecked() {
    assertThat(errors(form("0912", null))).containsOnlyKeys("phone").containsEntry("phone", "{web.validation.phone}");
    assertThat(form(" 0907111222 ", null).getPhone()).isEqualTo("0907111222");
  }

  @Test
  void theSharedApplicantChecksApply() {
    CounterForm form = form(null, null);
    form.setName("");
    form.setIdNumber("0930");
    assertThat(errors(form)).containsOnlyKeys("name", "idNumber");
  }

  private static CounterForm form(String phone, String address) {
    CounterForm form = new CounterForm();
    form.setName("Lê Văn Cường");
    form.setIdNumber("093085000999");
    form.setPhone(phone);
    form.setAddress(address);
    return form;
  }

  private Map<String, String> errors(Object form) {
    return validator.validate(form).stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
        v -> v.getMessageTemplate(), (a, b) -> a + " " + b));
  }
}
