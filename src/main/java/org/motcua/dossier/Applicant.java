package org.motcua.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The applicant (người nộp hồ sơ): a person by CCCD or an organisation by tax code (MST). */
@Embeddable
public class Applicant {

  @Column(name = "applicant_name", nullable = false)
  private String name;

  @Column(name = "applicant_id_number", nullable = false)
  private String idNumber;

  @Column(name = "applicant_phone")
  private String phone;

  @Column(name = "applicant_email")
  private String email;

  @Column(name = "applicant_address")
  private String address;

  protected Applicant() {
  }

  public Applicant(String name, String idNumber, String phone, String email, String address) {
    this.name = name;
    this.idNumber = idNumber;
    this.phone = phone;
    this.email = email;
    this.address = address;
  }

  public String getName() {
    return name;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public String getAddress() {
    return address;
  }
}
