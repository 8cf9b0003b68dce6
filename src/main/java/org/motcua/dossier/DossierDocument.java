package org.motcua.dossier;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.motcua.document.StoredFileReference;

/** A file of a dossier: a scan or upload of a component (thành phần hồ sơ), or the e-result (kết quả điện tử). */
@Entity
@Table(name = "document")
public class DossierDocument {

  /** What the file is for. */
  /** A component, the e-result, or the result of an inter-agency stage (văn bản kết quả giai đoạn). */
  public enum Kind { COMPONENT, RESULT, STAGE }

  /**
   * How it came: uploaded by the applicant, scanned by a clerk, linked from the e-data warehouse, or rendered from the
   * declaration the applicant filled in as an e-form (FORM).
   */
  public enum Source { UPLOAD, SCAN, WAREHOUSE, FORM }

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

  @Embedded
  @AttributeOverride(name = "filename", column = @Column(name = "filename", nullable = false))
  @AttributeOverride(name = "contentType", column = @Column(name = "content_type", nullable = false))
  @AttributeOverride(name = "sizeBytes", column = @Column(name = "size_bytes", nullable = false))
  @AttributeOverride(name = "sha256", column = @Column(name = "sha256", nullable = false))
  @AttributeOverride(name = "storageKey", column = @Column(name = "storage_key", nullable = false))
  private StoredFileReference file;

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
    this.file = StoredFileReference.of(file);
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
    return file.file();
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
    return file.getFilename();
  }

  public String getContentType() {
    return file.getContentType();
  }

  public long getSizeBytes() {
    return file.getSizeBytes();
  }

  public String getSha256() {
    return file.getSha256();
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
