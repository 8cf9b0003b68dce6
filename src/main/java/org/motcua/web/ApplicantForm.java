package org.motcua.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.motcua.dossier.DossierRequests;

/**
 * The applicant part of a submission form (người nộp), online or at the counter, posted as {@code name},
 * {@code idNumber}, {@code phone}, {@code email} and {@code address}. Checked here first so every mistake shows next
 * to its field at once; the service checks the CCCD again (province code, birth year) and its refusal is put next to
 * the field too ({@link FormRefusals}). What a channel requires beyond this (online: a phone and an address to reach
 * the applicant) its form adds on the getters.
 */
public abstract class ApplicantForm {

  @NotBlank(message = "{web.validation.required}")
  @Size(max = 200, message = "{web.validation.tooLong}")
  private String name;

  @NotBlank(message = "{web.validation.required}")
  @Pattern(regexp = "\\s*(\\d{12}|\\d{10}(-\\d{3})?)\\s*", message = "{web.validation.idNumber}")
  private String idNumber;

  private String phone;

  @Email(message = "{web.validation.email}")
  @Size(max = 200, message = "{web.validation.tooLong}")
  private String email;

  @Size(max = 500, message = "{web.validation.tooLong}")
  private String address;

  /** The case (trường hợp) chosen, among the procedure's cases; blank: its default one, if it has one. */
  @Size(max = 50, message = "{web.validation.tooLong}")
  private String caseCode;

  public String getCaseCode() {
    return caseCode;
  }

  public void setCaseCode(String caseCode) {
    this.caseCode = caseCode == null || caseCode.isBlank() ? null : caseCode.trim();
  }

  /** The applicant as the service takes it, once the form is valid. */
  public DossierRequests.ApplicantInput applicant() {
    return new DossierRequests.ApplicantInput(name.trim(), idNumber.trim(), phone, email,
        address == null ? null : address.trim());
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public void setIdNumber(String idNumber) {
    this.idNumber = idNumber;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = blankToNull(email);
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  /** A field left empty is nothing, and what was typed loses its surrounding spaces. */
  protected static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
