package org.motcua.warehouse;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.motcua.document.StoredFile;
import org.motcua.document.StoredFileReference;

/**
 * A document in a person's or organisation's e-data warehouse (kho dữ liệu điện tử), keyed by CCCD or tax code:
 * a component digitized in an earlier dossier, or an earlier e-result (kết quả điện tử).
 */
@Entity
@Table(name = "warehouse_item")
public class WarehouseItem {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "warehouse_item_seq")
  @SequenceGenerator(name = "warehouse_item_seq", sequenceName = "warehouse_item_seq", allocationSize = 50)
  private Long id;

  @Column(name = "owner_id_number", nullable = false)
  private String ownerIdNumber;

  /** The component code (e.g. GIAY_TO_TUY_THAN) or {@code KQ:<procedure>} for a result. */
  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(nullable = false)
  private String name;

  @Column(name = "issuing_agency")
  private String issuingAgency;

  @Column(name = "issued_on", nullable = false)
  private LocalDate issuedOn;

  @Column(name = "valid_until")
  private LocalDate validUntil;

  @Column(name = "source_dossier_code", nullable = false)
  private String sourceDossierCode;

  @Embedded
  @AttributeOverride(name = "filename", column = @Column(name = "filename", nullable = false))
  @AttributeOverride(name = "contentType", column = @Column(name = "content_type", nullable = false))
  @AttributeOverride(name = "sizeBytes", column = @Column(name = "size_bytes", nullable = false))
  @AttributeOverride(name = "sha256", column = @Column(name = "sha256", nullable = false))
  @AttributeOverride(name = "storageKey", column = @Column(name = "storage_key", nullable = false))
  private StoredFileReference file;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  protected WarehouseItem() {
  }

  WarehouseItem(String ownerIdNumber, String documentType, String name, String issuingAgency, LocalDate issuedOn,
      LocalDate validUntil, String sourceDossierCode, StoredFile file, LocalDateTime createdAt) {
    this.ownerIdNumber = ownerIdNumber;
    this.documentType = documentType;
    this.name = name;
    this.issuingAgency = issuingAgency;
    this.issuedOn = issuedOn;
    this.validUntil = validUntil;
    this.sourceDossierCode = sourceDossierCode;
    this.file = StoredFileReference.of(file);
    this.createdAt = createdAt;
  }

  public boolean isValidOn(LocalDate day) {
    return validUntil == null || !day.isAfter(validUntil);
  }

  public StoredFile file() {
    return file.file();
  }

  public Long getId() {
    return id;
  }

  public String getOwnerIdNumber() {
    return ownerIdNumber;
  }

  public String getDocumentType() {
    return documentType;
  }

  public String getName() {
    return name;
  }

  public String getIssuingAgency() {
    return issuingAgency;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public String getSourceDossierCode() {
    return sourceDossierCode;
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
}
