package org.motcua.dossier;

import org.motcua.common.ApiException;
import org.springframework.web.multipart.MultipartFile;

/**
 * A component's file sent with a dossier or a supplement: a new upload (the applicant's file, the clerk's scan), or
 * the id of an item of the applicant's e-data warehouse to reuse (tái sử dụng).
 */
public record Attachment(String component, MultipartFile file, Long warehouseItemId) {

  public static Attachment upload(String component, MultipartFile file) {
    return new Attachment(component, file, null);
  }

  /** What a form sent for one component: null when it sent neither a file nor a warehouse item. */
  public static Attachment of(String component, MultipartFile file, String warehouseItemId) {
    Long reuse = null;
    if (warehouseItemId != null && !warehouseItemId.isBlank()) {
      try {
        reuse = Long.valueOf(warehouseItemId.trim());
      } catch (NumberFormatException notAnId) {
        throw ApiException.notFound("UNKNOWN_WAREHOUSE_ITEM", warehouseItemId);
      }
    }
    MultipartFile upload = file == null || file.isEmpty() ? null : file;
    return upload == null && reuse == null ? null : new Attachment(component, upload, reuse);
  }

  boolean reusesWarehouseItem() {
    return warehouseItemId != null;
  }
}
