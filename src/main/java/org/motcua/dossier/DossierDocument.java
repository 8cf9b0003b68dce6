package org.motcua.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.motcua.document.StoredFile;

/** A file of a dossier: a scan or upload of a component (thành phần hồ sơ), or the e-result (kết quả điện tử). */
@Entity
@Table(name = "document")
public class DossierDocument {

  /** What the file is for. */
  public enum Kind { COMPONENT, RESULT }

  /** How it came: uploaded by the applicant, scanned by a clerk, or linked from the e-data warehouse. */
  public enum Source { UPLOAD, SCAN, WAREHOUSE }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_seq")
  @SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dossier_id")
  private Dossier dossier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "component_code")
  private String componentCode;

  @Column(nullable = false)
  private String filename;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "storage_key", nullable = false)
  private String storageKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Source source;

  @Column(name = "warehouse_item_id")
  private Long warehouseItemId;

  /** What the applicant or clerk declared about the paper: who issued it, when, until when it is valid. */
  @Column(name = "issuing_agency")
  private String issuingAgency;

  @Column(name = "issued_on")
  private java.time.LocalDate issuedOn;

  @Column(name = "valid_until")
  private java.time.LocalDate validUntil;

  @Column(name = "uploaded_at", nullable = false)
  private LocalDateTime uploadedAt;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  protected DossierDocument() {
  }

  DossierDocument(Dossier dossier, Kind kind, String componentCode, StoredFile file, Source source,
      Long warehouseItemId, LocalDateTime uploadedAt, String uploadedBy) {
    this.dossier = dossier;
    this.kind = kind;
    this.componentCode = componentCode;
    this.filename = file.filename();
    this.contentType = file.contentType();
    this.sizeBytes = file.sizeBytes();
    this.sha256 = file.sha256();
    this.storageKey = file.storageKey();
    this.source = source;
    this.warehouseItemId = warehouseItemId;
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
  }

  DossierDocument issued(String issuingAgency, java.time.LocalDate issuedOn, java.time.LocalDate validUntil) {
    this.issuingAgency = issuingAgency;
    this.issuedOn = issuedOn;
    this.validUntil = validUntil;
    return this;
  }

  public String getIssuingAgency() {
    return issuingAgency;
  }

  public java.time.LocalDate getIssuedOn() {
    return issuedOn;
  }

  public java.time.LocalDate getValidUntil() {
    return validUntil;
  }

  StoredFile file() {
    return new StoredFile(storageKey, filename, contentType, sizeBytes, sha256);
  }

  public Long getId() {
    return id;
  }

  public Dossier getDossier() {
    return dossier;
  }

  public Kind getKind() {
    return kind;
  }

  public String getComponentCode() {
    return componentCode;
  }

  public String getFilename() {
    return filename;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public Source getSource() {
    return source;
  }

  public Long getWarehouseItemId() {
    return warehouseItemId;
  }

  public LocalDateTime getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }
}
