package org.motcua.warehouse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.document.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The personal e-data warehouse: deposit what the state digitized, offer it again instead of asking twice. */
@Service
public class Warehouse implements UseCase {

  private final WarehouseRepository items;
  private final Clock clock;

  Warehouse(WarehouseRepository items, Clock clock) {
    this.items = items;
    this.clock = clock;
  }

  /** Reusing an item ({@link #forReuse}): listing and depositing refuse nothing. */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(WarehouseRefusal.UNKNOWN_WAREHOUSE_ITEM, WarehouseRefusal.WAREHOUSE_ITEM_WRONG_TYPE,
        WarehouseRefusal.WAREHOUSE_ITEM_EXPIRED);
  }

  /** Keeps a digitized document for its owner; the same file of the same type is kept once. */
  @Transactional
  public void deposit(String ownerIdNumber, String documentType, String name, String issuingAgency,
      LocalDate issuedOn, LocalDate validUntil, String sourceDossierCode, StoredFile file) {
    if (items.existsByOwnerIdNumberAndSha256AndDocumentType(ownerIdNumber, file.sha256(), documentType)) {
      return;
    }
    items.save(new WarehouseItem(ownerIdNumber, documentType, name, issuingAgency, issuedOn, validUntil,
        sourceDossierCode, file, LocalDateTime.now(clock)));
  }

  @Transactional(readOnly = true)
  public List<WarehouseItem> of(String ownerIdNumber) {
    return items.findByOwnerIdNumberOrderByCreatedAtDesc(ownerIdNumber);
  }

  /** Still-valid documents of this type that the owner could reuse. */
  @Transactional(readOnly = true)
  public List<WarehouseItem> reusable(String ownerIdNumber, String documentType) {
    LocalDate today = LocalDate.now(clock);
    return items.findByOwnerIdNumberAndDocumentTypeOrderByIssuedOnDesc(ownerIdNumber, documentType).stream()
        .filter(item -> item.isValidOn(today))
        .toList();
  }

  /**
   * The item, if it belongs to this owner, has this type and is still valid; otherwise a precise refusal. A null
   * owner (an account without an identity number) owns nothing.
   */
  @Transactional(readOnly = true)
  public WarehouseItem forReuse(long itemId, String ownerIdNumber, String documentType) {
    // Someone else's item is answered as a missing one: item ids must not reveal what others keep.
    WarehouseItem item = items.findById(itemId)
        .filter(found -> found.getOwnerIdNumber().equals(ownerIdNumber))
        .orElseThrow(() -> WarehouseRefusal.UNKNOWN_WAREHOUSE_ITEM.exception(itemId));
    if (!item.getDocumentType().equals(documentType)) {
      throw WarehouseRefusal.WAREHOUSE_ITEM_WRONG_TYPE.exception(itemId, documentType);
    }
    if (!item.isValidOn(LocalDate.now(clock))) {
      throw WarehouseRefusal.WAREHOUSE_ITEM_EXPIRED.exception(itemId, item.getValidUntil());
    }
    return item;
  }
}
