package org.motcua.warehouse;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WarehouseRepository extends JpaRepository<WarehouseItem, Long> {

  List<WarehouseItem> findByOwnerIdNumberOrderByCreatedAtDesc(String ownerIdNumber);

  List<WarehouseItem> findByOwnerIdNumberAndDocumentTypeOrderByIssuedOnDesc(String ownerIdNumber, String documentType);

  boolean existsByOwnerIdNumberAndSha256AndDocumentType(String ownerIdNumber, String sha256, String documentType);
}
