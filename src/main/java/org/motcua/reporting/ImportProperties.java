package org.motcua.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** History import limits ({@code motcua.imports} in config/motcua.yml). */
@ConfigurationProperties("motcua.imports")
class ImportProperties {

  /** The largest CSV accepted by {@code POST /api/admin/imports}; a larger body is refused (413) and nothing kept. */
  private DataSize maxBytes = DataSize.ofMegabytes(200);

  public DataSize getMaxBytes() {
    return maxBytes;
  }

  public void setMaxBytes(DataSize maxBytes) {
    this.maxBytes = maxBytes;
  }
}
