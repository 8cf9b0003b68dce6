package org.motcua.warehouse;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WarehouseRepository extends JpaRepository<WarehouseItem, Long> {

  List<WarehouseItem> findByOwnerIdNumberOrderByCreatedAtDesc(String ownerIdNumber);

  List<WarehouseItem> findByOwnerIdNumberAndDocumentTypeOrderByIssuedOnDesc(String ownerIdNumber, String documentType);

  // A query string, not derived from the name: its SQL is translated once (this runs for every file at reception).
  @Query("select case when count(i) > 0 then true else false end from WarehouseItem i"
      + " where i.ownerIdNumber = :ownerIdNumber and i.file.sha256 = :sha256 and i.documentType = :documentType")
  boolean existsByOwnerIdNumberAndSha256AndDocumentType(String ownerIdNumber, String sha256, String documentType);

  /** The keys in [from, to): one range scan over {@code ix_warehouse_storage_key} (the orphan sweep, per day). */
  @Query("select i.file.storageKey from WarehouseItem i where i.file.storageKey >= :from and i.file.storageKey < :to")
  List<String> storageKeysBetween(String from, String to);
}
