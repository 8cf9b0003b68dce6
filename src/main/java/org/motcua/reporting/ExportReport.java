package org.motcua.reporting;

import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.stereotype.Component;

/** A report as a file: CSV ({@code format=csv}) or an Excel workbook ({@code format=xlsx}), Vietnamese headers. */
@Component
class ExportReport implements UseCase {

  @Override
  public Set<Refusal> refusals() {
    return Set.of(ReportRefusal.UNKNOWN_EXPORT_FORMAT);
  }

  /** True for xlsx, false for csv; anything else is refused. */
  boolean excel(String format) {
    if ("xlsx".equalsIgnoreCase(format)) {
      return true;
    }
    if (!"csv".equalsIgnoreCase(format)) {
      throw ReportRefusal.UNKNOWN_EXPORT_FORMAT.exception(format);
    }
    return false;
  }
}
