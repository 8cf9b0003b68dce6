package org.motcua.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user account (tài khoản). Passwords are stored hashed only. */
@Entity
@Table(name = "app_user")
class AppUser {

  @Id
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "full_name", nullable = false)
  private String fullName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "agency_code")
  private String agencyCode;

  @Column(name = "id_number")
  private String idNumber;

  private String phone;

  private String email;

  private boolean enabled = true;

  protected AppUser() {
  }

  AppUser(String username, String passwordHash, String fullName, Role role, String agencyCode, String idNumber,
      String phone, String email) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.fullName = fullName;
    this.role = role;
    this.agencyCode = agencyCode;
    this.idNumber = idNumber;
    this.phone = phone;
    this.email = email;
  }

  MotcuaUser toPrincipal() {
    return new MotcuaUser(username, fullName, role, agencyCode, idNumber, enabled);
  }

  String username() {
    return username;
  }

  /** The phone the holder gave; null when none. */
  String getPhone() {
    return phone;
  }
}
