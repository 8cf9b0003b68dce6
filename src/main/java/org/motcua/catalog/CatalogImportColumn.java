package org.motcua.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of a catalogue import file (README "Catalogue import"), close to an export of the national procedure
 * database (Cơ sở dữ liệu quốc gia về thủ tục hành chính): the Vietnamese header, or the English one, in any order.
 * One row per procedure, or per case of a procedure: the rows of one procedure share its code, and the columns marked
 * {@code perProcedure} are given on its first row (later rows leave them empty or repeat them); the others are the
 * case's (time limits, fee, fee note, components, online level, process, steps, default flag).
 */
enum CatalogImportColumn {
  CODE("Mã thủ tục", "code", true, true),
  NATIONAL_CODE("Mã TTHC quốc gia", "nationalCode", true, true),
  NAME("Tên thủ tục", "name", true, true),
  FIELD("Lĩnh vực", "field", true, true),
  LEVEL("Cấp thực hiện", "level", true, true),
  OFFERINGS("Cơ quan thực hiện", "offerings", true, true),
  ANYWHERE("Phi địa giới hành chính", "anywhere", false, true),
  CASE_CODE("Mã trường hợp", "caseCode", false, false),
  CASE_NAME("Trường hợp", "caseName", false, false),
  DEFAULT_CASE("Trường hợp mặc định", "defaultCase", false, false),
  DURATION("Thời hạn giải quyết", "duration", true, false),
  DURATION_UNIT("Đơn vị thời hạn", "durationUnit", true, false),
  ONLINE_DURATION("Thời hạn giải quyết trực tuyến", "onlineDuration", false, false),
  FEE("Phí, lệ phí (đồng)", "feeVnd", false, false),
  FEE_DUE("Thời điểm nộp phí", "feeDue", false, false),
  FEE_SCHEDULE("Biểu phí chi tiết (JSON)", "feeSchedule", false, false),
  FEE_NOTE("Mô tả phí, lệ phí", "feeNote", false, false),
  EXEMPTIONS("Miễn phí, lệ phí", "exemptions", false, true),
  COMPONENTS("Thành phần hồ sơ", "components", true, false),
  LEGAL_BASIS("Căn cứ pháp lý", "legalBasis", false, true),
  ONLINE_LEVEL("Mức độ dịch vụ công trực tuyến", "onlineLevel", true, false),
  PROCESS("Quy trình", "process", false, false),
  STEPS("Định mức các bước (giờ làm việc)", "steps", false, false),
  STAGES("Giai đoạn liên thông (JSON)", "stages", false, false);

  private static final Map<String, CatalogImportColumn> BY_HEADER = Arrays.stream(values())
      .flatMap(c -> java.util.stream.Stream.of(Map.entry(Catalog.fold(c.vietnamese), c),
          Map.entry(Catalog.fold(c.english), c)))
      .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

  /** The header as the sample file and the error reports write it. */
  final String vietnamese;
  final String english;
  final boolean required;
  final boolean perProcedure;

  CatalogImportColumn(String vietnamese, String english, boolean required, boolean perProcedure) {
    this.vietnamese = vietnamese;
    this.english = english;
    this.required = required;
    this.perProcedure = perProcedure;
  }

  /** The column a header names, diacritics, case and spacing aside ("ma thu tuc", "Mã thủ tục", "code"). */
  static Optional<CatalogImportColumn> ofHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(Catalog.fold(header)));
  }

}
