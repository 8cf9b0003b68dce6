package org.motcua.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A draft of an online submission (bản nháp): the submit page's fields as the applicant left them, for them alone to
 * resume. Not a dossier: no code, no history, in no indicator; it expires {@code motcua.drafts.expire-days} after it
 * was last saved.
 */
@Entity
@Table(name = "form_draft")
class FormDraft {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "owner_username", nullable = false, length = 100)
  private String ownerUsername;

  @Column(name = "procedure_code", nullable = false, length = 60)
  private String procedureCode;

  /** The fields as JSON: {@code {"form": {…e-form data…}, "fields": {name: value, …}}}. */
  @Column(nullable = false, length = 200000)
  private String data;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  protected FormDraft() {
  }

  FormDraft(String ownerUsername, String procedureCode, LocalDateTime now) {
    this.ownerUsername = ownerUsername;
    this.procedureCode = procedureCode;
    this.createdAt = now;
  }

  void save(String data, LocalDateTime now, LocalDateTime expiresAt) {
    this.data = data;
    this.updatedAt = now;
    this.expiresAt = expiresAt;
  }

  Long getId() {
    return id;
  }

  String getOwnerUsername() {
    return ownerUsername;
  }

  String getProcedureCode() {
    return procedureCode;
  }

  String getData() {
    return data;
  }

  LocalDateTime getCreatedAt() {
    return createdAt;
  }

  LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  LocalDateTime getExpiresAt() {
    return expiresAt;
  }
}
