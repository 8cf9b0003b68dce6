package org.motcua.web.citizen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.motcua.web.ApplicantForm;

/**
 * The online submission form: the applicant, who must be reachable (a phone and an address are required). The
 * component files and the fee quantities come as their own parameters.
 */
class SubmitForm extends ApplicantForm {

  /**
   * The receiving agency chosen among the procedure's offerings; blank: the one the contact address names, if it
   * names exactly one (the service refuses the submission otherwise, next to this field).
   */
  @jakarta.validation.constraints.Size(max = 40, message = "{web.validation.tooLong}")
  private String agencyCode;

  public String getAgencyCode() {
    return agencyCode;
  }

  public void setAgencyCode(String agencyCode) {
    this.agencyCode = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.trim();
  }

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
