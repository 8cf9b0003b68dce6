package org.motcua.warehouse;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.motcua.document.StoredFileOwner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored files items of the e-data warehouse point at (usually the same keys as the dossier's documents). */
@Component
class WarehouseKeys implements StoredFileOwner {

  private final WarehouseRepository items;

  WarehouseKeys(WarehouseRepository items) {
    this.items = items;
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> keysOfDay(LocalDate day) {
    String[] range = StoredFileOwner.keyRange(day);
    return new HashSet<>(items.storageKeysBetween(range[0], range[1]));
  }
}
