package org.motcua.web.citizen;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The online submission form. Checked here first so every mistake shows next to its field at once; the service
 * checks again (the CCCD's province and birth year) and its refusal is put next to the field too.
 */
class SubmitForm {

  @NotBlank(message = "{web.validation.required}")
  @Size(max = 200, message = "{web.validation.tooLong}")
  private String name;

  @NotBlank(message = "{web.validation.required}")
  @Pattern(regexp = "\\s*(\\d{12}|\\d{10}(-\\d{3})?)\\s*", message = "{web.validation.idNumber}")
  private String idNumber;

  @NotBlank(message = "{web.validation.required}")
  @Pattern(regexp = "0\\d{9}", message = "{web.validation.phone}")
  private String phone;

  @Email(message = "{web.validation.email}")
  @Size(max = 200, message = "{web.validation.tooLong}")
  private String email;

  @NotBlank(message = "{web.validation.required}")
  @Size(max = 500, message = "{web.validation.tooLong}")
  private String address;

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
    this.email = email == null || email.isBlank() ? null : email.trim();
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }
}
