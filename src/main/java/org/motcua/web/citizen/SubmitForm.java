package org.motcua.web.citizen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.motcua.web.ApplicantForm;

/**
 * The online submission form: the applicant, who must be reachable (a phone and an address are required). The
 * component files and the fee quantities come as their own parameters.
 */
class SubmitForm extends ApplicantForm {

  @Override
  @NotBlank(message = "{web.validation.required}")
  @Pattern(regexp = "0\\d{9}", message = "{web.validation.phone}")
  public String getPhone() {
    return super.getPhone();
  }

  @Override
  @NotBlank(message = "{web.validation.required}")
  public String getAddress() {
    return super.getAddress();
  }
}
