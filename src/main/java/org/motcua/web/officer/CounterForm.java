package org.motcua.web.officer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.motcua.dossier.Channel;
import org.motcua.web.ApplicantForm;

/**
 * The counter intake form (tiếp nhận trực tiếp / qua bưu chính): the applicant, whose phone and address are optional
 * (what the clerk leaves empty is nothing), how the dossier came and how the result goes back. The CCCD is also
 * checked as the clerk types (format, in the browser).
 */
class CounterForm extends ApplicantForm {

  /** 1 at the counter, 3 arrived by public post. */
  @NotNull(message = "{web.validation.required}")
  @Min(value = 1, message = "{web.validation.required}")
  @Max(value = 3, message = "{web.validation.required}")
  private Integer channel = Channel.COUNTER.code();

  @Size(max = 40, message = "{web.validation.tooLong}")
  private String postalTrackingNumber;

  /** How the result goes back: 1 at the counter, 2 online, 3 by post. */
  @NotNull(message = "{web.validation.required}")
  @Min(value = 1, message = "{web.validation.required}")
  @Max(value = 3, message = "{web.validation.required}")
  private Integer resultDelivery = Channel.COUNTER.code();

  @Override
  @Pattern(regexp = "(0\\d{9})?", message = "{web.validation.phone}")
  public String getPhone() {
    return super.getPhone();
  }

  @Override
  public void setPhone(String phone) {
    super.setPhone(blankToNull(phone));
  }

  @Override
  public void setAddress(String address) {
    super.setAddress(blankToNull(address));
  }

  /** Whether the form says the dossier came with the given channel. */
  boolean came(Channel how) {
    return channel != null && channel == how.code();
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
    this.postalTrackingNumber = blankToNull(postalTrackingNumber);
  }

  public Integer getResultDelivery() {
    return resultDelivery;
  }

  public void setResultDelivery(Integer resultDelivery) {
    this.resultDelivery = resultDelivery;
  }
}
