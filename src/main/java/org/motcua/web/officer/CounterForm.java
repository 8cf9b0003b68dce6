package org.motcua.web.officer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The counter intake form (tiếp nhận trực tiếp / qua bưu chính). The CCCD is checked as the clerk types (format, in
 * the browser), here (format) and by the service (province code and birth year); each error is shown next to its field.
 */
class CounterForm {

  @NotBlank(message = "{web.validation.required}")
  @Size(max = 200, message = "{web.validation.tooLong}")
  private String name;

  @NotBlank(message = "{web.validation.required}")
  @Pattern(regexp = "\\s*(\\d{12}|\\d{10}(-\\d{3})?)\\s*", message = "{web.validation.idNumber}")
  private String idNumber;

  @Pattern(regexp = "(0\\d{9})?", message = "{web.validation.phone}")
  private String phone;

  @Email(message = "{web.validation.email}")
  @Size(max = 200, message = "{web.validation.tooLong}")
  private String email;

  @Size(max = 500, message = "{web.validation.tooLong}")
  private String address;

  /** 1 at the counter, 3 arrived by public post. */
  @NotNull(message = "{web.validation.required}")
  @Min(value = 1, message = "{web.validation.required}")
  @Max(value = 3, message = "{web.validation.required}")
  private Integer channel = 1;

  @Size(max = 40, message = "{web.validation.tooLong}")
  private String postalTrackingNumber;

  /** How the result goes back: 1 at the counter, 2 online, 3 by post. */
  @NotNull(message = "{web.validation.required}")
  @Min(value = 1, message = "{web.validation.required}")
  @Max(value = 3, message = "{web.validation.required}")
  private Integer resultDelivery = 1;

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
    this.phone = phone == null || phone.isBlank() ? null : phone.trim();
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
    this.address = address == null || address.isBlank() ? null : address.trim();
  }

  public Integer getChannel() {
    return channel;
  }

  public void setChannel(Integer channel) {
    this.channel = channel;
  }

  public String getPostalTrackingNumber() {
    return postalTrackingNumber;
  }

  public void setPostalTrackingNumber(String postalTrackingNumber) {
    this.postalTrackingNumber = postalTrackingNumber == null || postalTrackingNumber.isBlank() ? null
        : postalTrackingNumber.trim();
  }

  public Integer getResultDelivery() {
    return resultDelivery;
  }

  public void setResultDelivery(Integer resultDelivery) {
    this.resultDelivery = resultDelivery;
  }
}
