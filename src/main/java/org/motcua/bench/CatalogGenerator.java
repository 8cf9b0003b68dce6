package org.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.motcua.catalog.Catalog;
import org.motcua.process.ProcessContract;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Writes a province-sized catalogue configuration folder (issue 15, "Scale"), a command that needs no database:
 * <pre>
 * java -jar motcua.jar catalog-generate --out=DIR [--procedures=2000] [--communes=100] [--seed=15]
 *     [--from=classpath:config/]
 * </pre>
 * The folder is today's configuration ({@code --from}) grown to size: every file of it is copied, its agencies and
 * procedures are kept as they are (so the demo accounts and the benchmarks' procedures still exist), and generated
 * ones are added: the missing provincial departments (sở) under the root agency, communes and wards (xã, phường)
 * under it up to {@code --communes}, and procedures up to {@code --procedures}, across some thirty fields, about half
 * at commune level offered by every commune ({@code {level: COMMUNE, under: <root>}}) and the others received by a
 * department. Names are Vietnamese with diacritics, budgets add up as the loader demands, and the same seed writes
 * the same files. Generated national codes start with {@code 9.} (no real procedure has one).
 */
public final class CatalogGenerator {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // A national code such as 9.000010 is text: unquoted, YAML would read the number 9.00001.
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Provincial departments after 1 March 2025 (Nghị định 45/2025/NĐ-CP), with their code's third group. */
  private static final String[][] DEPARTMENTS = {
      {"Sở Nội vụ", "02"}, {"Sở Tư pháp", "12"}, {"Sở Tài chính", "19"}, {"Sở Công Thương", "13"},
      {"Sở Nông nghiệp và Môi trường", "16"}, {"Sở Xây dựng", "15"}, {"Sở Giáo dục và Đào tạo", "08"},
      {"Sở Y tế", "18"}, {"Sở Văn hóa, Thể thao và Du lịch", "17"}, {"Sở Khoa học và Công nghệ", "11"},
      {"Sở Dân tộc và Tôn giáo", "03"}, {"Sở Ngoại vụ", "05"}, {"Thanh tra tỉnh", "06"},
      {"Ban Quản lý các khu công nghiệp", "24"}};

  /** Syllables of southern place names, paired into commune and ward names (Tân Hòa, Long Thạnh, …). */
  private static final String[] PLACE_FIRST = {"Tân", "Long", "Phú", "Vĩnh", "Hòa", "Thạnh", "Bình", "Mỹ", "An",
      "Phước", "Đông", "Tây", "Nhơn", "Hiệp", "Thới", "Trường", "Xuân", "Đại", "Thuận", "Lương", "Hưng", "Vị"};
  private static final String[] PLACE_SECOND = {"Hưng", "Thành", "Lợi", "Phú", "Mỹ", "Hòa", "An", "Bình", "Thạnh",
      "Long", "Xuân", "Thuận", "Đức", "Tiến", "Phước", "Hiệp", "Lộc", "Trung", "Khánh", "Nghĩa", "Tân", "Thủy"};

  /**
   * Fields (lĩnh vực): name, the department that receives its provincial procedures, whether it has commune-level
   * ones, and the things its procedures are about.
   */
  private record Field(String name, String department, boolean commune, String[] objects) {
  }

  private static final Field[] FIELDS = {
      new Field("Hộ tịch", "Sở Tư pháp", true, new String[] {"khai sinh", "khai tử", "kết hôn", "nhận cha, mẹ, con",
          "giám hộ", "thay đổi, cải chính, bổ sung thông tin hộ tịch", "xác nhận tình trạng hôn nhân"}),
      new Field("Chứng thực", "Sở Tư pháp", true, new String[] {"bản sao từ bản chính", "chữ ký", "hợp đồng, giao dịch",
          "việc sửa đổi, bổ sung hợp đồng, giao dịch", "di chúc", "văn bản thỏa thuận phân chia di sản"}),
      new Field("Lý lịch tư pháp", "Sở Tư pháp", false, new String[] {"Phiếu lý lịch tư pháp số 1",
          "Phiếu lý lịch tư pháp số 2"}),
      new Field("Nuôi con nuôi", "Sở Tư pháp", true, new String[] {"việc nuôi con nuôi trong nước",
          "lại việc nuôi con nuôi"}),
      new Field("Hòa giải cơ sở", "Sở Tư pháp", true, new String[] {"hòa giải viên", "tổ hòa giải"}),
      new Field("Đất đai", "Sở Nông nghiệp và Môi trường", true, new String[] {"quyền sử dụng đất",
          "biến động đất đai", "giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
          "chuyển mục đích sử dụng đất", "tách thửa, hợp thửa đất", "gia hạn sử dụng đất"}),
      new Field("Môi trường", "Sở Nông nghiệp và Môi trường", true, new String[] {"kế hoạch bảo vệ môi trường",
          "giấy phép môi trường", "báo cáo đánh giá tác động môi trường"}),
      new Field("Tài nguyên nước", "Sở Nông nghiệp và Môi trường", false, new String[] {"giấy phép khai thác nước dưới đất",
          "giấy phép khai thác nước mặt", "giấy phép xả nước thải vào nguồn nước"}),
      new Field("Trồng trọt", "Sở Nông nghiệp và Môi trường", true, new String[] {"chuyển đổi cơ cấu cây trồng trên đất trồng lúa",
          "giấy chứng nhận cơ sở đủ điều kiện sản xuất giống cây trồng"}),
      new Field("Thủy sản", "Sở Nông nghiệp và Môi trường", true, new String[] {"tàu cá", "giấy phép khai thác thủy sản",
          "cơ sở nuôi trồng thủy sản"}),
      new Field("Thú y", "Sở Nông nghiệp và Môi trường", false, new String[] {"chứng chỉ hành nghề thú y",
          "giấy chứng nhận cơ sở an toàn dịch bệnh động vật"}),
      new Field("Xây dựng", "Sở Xây dựng", true, new String[] {"giấy phép xây dựng nhà ở riêng lẻ",
          "giấy phép xây dựng công trình", "giấy phép sửa chữa, cải tạo công trình", "chứng chỉ hành nghề hoạt động xây dựng"}),
      new Field("Nhà ở", "Sở Xây dựng", false, new String[] {"nhà ở xã hội", "nhà ở công vụ",
          "chủ trương đầu tư dự án nhà ở"}),
      new Field("Đường bộ", "Sở Xây dựng", false, new String[] {"giấy phép lái xe", "đăng ký xe máy chuyên dùng",
          "giấy phép thi công công trình trên đường bộ đang khai thác"}),
      new Field("Thành lập và hoạt động của hộ kinh doanh", "Sở Tài chính", true, new String[] {"hộ kinh doanh",
          "thay đổi nội dung đăng ký hộ kinh doanh", "tạm ngừng kinh doanh của hộ kinh doanh"}),
      new Field("Thành lập và hoạt động doanh nghiệp", "Sở Tài chính", false, new String[] {"doanh nghiệp tư nhân",
          "công ty trách nhiệm hữu hạn một thành viên", "công ty cổ phần", "chi nhánh, văn phòng đại diện"}),
      new Field("Đầu tư tại Việt Nam", "Sở Tài chính", false, new String[] {"chủ trương đầu tư",
          "giấy chứng nhận đăng ký đầu tư"}),
      new Field("Lưu thông hàng hóa trong nước", "Sở Công Thương", true, new String[] {"giấy phép bán lẻ sản phẩm rượu",
          "giấy phép bán lẻ sản phẩm thuốc lá", "giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai"}),
      new Field("An toàn thực phẩm", "Sở Công Thương", false, new String[] {"giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"}),
      new Field("Điện", "Sở Công Thương", false, new String[] {"giấy phép hoạt động điện lực"}),
      new Field("Bảo trợ xã hội", "Sở Y tế", true, new String[] {"trợ cấp xã hội hằng tháng", "hỗ trợ kinh phí mai táng",
          "xác định mức độ khuyết tật", "hỗ trợ khẩn cấp", "chăm sóc, nuôi dưỡng tại cộng đồng"}),
      new Field("Khám bệnh, chữa bệnh", "Sở Y tế", false, new String[] {"giấy phép hành nghề khám bệnh, chữa bệnh",
          "giấy phép hoạt động cơ sở khám bệnh, chữa bệnh"}),
      new Field("Dược phẩm", "Sở Y tế", false, new String[] {"chứng chỉ hành nghề dược",
          "giấy chứng nhận đủ điều kiện kinh doanh dược"}),
      new Field("Người có công", "Sở Nội vụ", true, new String[] {"trợ cấp ưu đãi người có công",
          "hỗ trợ cải thiện nhà ở đối với người có công", "di chuyển hồ sơ người có công"}),
      new Field("Lao động", "Sở Nội vụ", false, new String[] {"giấy phép lao động cho người nước ngoài",
          "nội quy lao động", "thang lương, bảng lương"}),
      new Field("Thi đua, khen thưởng", "Sở Nội vụ", true, new String[] {"danh hiệu Lao động tiên tiến",
          "giấy khen", "danh hiệu gia đình văn hóa"}),
      new Field("Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", true, new String[] {"trường mầm non",
          "nhóm trẻ độc lập", "trung tâm ngoại ngữ, tin học", "văn bằng, chứng chỉ", "chuyển trường học sinh"}),
      new Field("Văn hóa", "Sở Văn hóa, Thể thao và Du lịch", true, new String[] {"lễ hội truyền thống",
          "giấy phép kinh doanh dịch vụ karaoke", "giấy phép tổ chức biểu diễn nghệ thuật"}),
      new Field("Du lịch", "Sở Văn hóa, Thể thao và Du lịch", false, new String[] {"giấy phép kinh doanh dịch vụ lữ hành",
          "thẻ hướng dẫn viên du lịch", "cơ sở lưu trú du lịch"}),
      new Field("Tín ngưỡng, tôn giáo", "Sở Dân tộc và Tôn giáo", true, new String[] {"sinh hoạt tôn giáo tập trung",
          "người phụ trách cơ sở tín ngưỡng", "hoạt động tín ngưỡng"}),
      new Field("Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", false, new String[] {"giấy chứng nhận hoạt động khoa học và công nghệ",
          "chuyển giao công nghệ"}),
      new Field("Giải quyết khiếu nại", "Thanh tra tỉnh", true, new String[] {"khiếu nại lần đầu", "khiếu nại lần hai"}),
  };

  private static final String[] ACTIONS = {"Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Thu hồi",
      "Đăng ký", "Đăng ký lại", "Đăng ký thay đổi", "Xác nhận", "Thẩm định", "Công nhận", "Phê duyệt", "Giải quyết",
      "Thông báo", "Chấm dứt"};
  private static final String[] CASES = {"", " đối với cá nhân", " đối với tổ chức", " có yếu tố nước ngoài",
      " trên môi trường điện tử", " trong trường hợp bị mất, hư hỏng", " đối với người đang cư trú ở nước ngoài",
      " cho hộ gia đình"};
  private static final String[][] COMPONENTS = {
      {"DON", "Đơn đề nghị (tờ khai) theo mẫu"},
      {"GIAY_TO_TUY_THAN", "Giấy tờ tùy thân của người nộp hồ sơ (Thẻ căn cước/Hộ chiếu) hoặc số định danh cá nhân"},
      {"GIAY_TO_CHUNG_MINH", "Giấy tờ chứng minh đủ điều kiện theo quy định"},
      {"BAN_VE", "Bản vẽ, sơ đồ vị trí (nếu có)"},
      {"VAN_BAN_UY_QUYEN", "Văn bản ủy quyền, nếu nộp thay"},
      {"BAN_SAO_GIAY_PHEP", "Bản sao giấy phép, giấy chứng nhận đã được cấp"},
      {"BAO_CAO", "Báo cáo, thuyết minh theo mẫu"}};
  /** Statutory durations: {value, unit}. */
  private static final Object[][] DURATIONS = {
      {0, "SAME_DAY"}, {4, "WORKING_HOURS"}, {1, "WORKING_DAYS"}, {3, "WORKING_DAYS"}, {5, "WORKING_DAYS"},
      {7, "WORKING_DAYS"}, {10, "WORKING_DAYS"}, {15, "WORKING_DAYS"}, {20, "WORKING_DAYS"}, {30, "WORKING_DAYS"},
      {30, "CALENDAR_DAYS"}};
  private static final String[] ONLINE = {"FULL", "FULL", "PARTIAL", "PARTIAL", "NONE"};

  private CatalogGenerator() {
  }

  /** What a generated folder holds. */
  public record Result(Path dir, int procedures, int communes, String root) {
  }

  /** The command: {@code catalog-generate --out=DIR [--procedures] [--communes] [--seed] [--from]}. */
  public static void main(Map<String, String> options) throws IOException {
    Path out = Path.of(required(options, "out"));
    Result result = generate(options.getOrDefault("from", "classpath:config/"), out,
        Integer.parseInt(options.getOrDefault("procedures", "2000")),
        Integer.parseInt(options.getOrDefault("communes", "100")),
        Long.parseLong(options.getOrDefault("seed", "15")));
    System.out.printf(Locale.ROOT, "Wrote %s: %d procedures, %d communes under %s. Start on it with "
        + "--motcua.config-dir=file:%s/%n", out, result.procedures(), result.communes(), result.root(),
        out.toAbsolutePath());
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + "=… is required");
    }
    return value;
  }

  /**
   * Writes the folder: every file of {@code from} (a Spring resource location such as {@code classpath:config/}
   * or {@code file:config/}), then its agencies and procedures grown to the sizes asked.
   */
  public static Result generate(String from, Path out, int procedureCount, int communeCount, long seed)
      throws IOException {
    String base = from.endsWith("/") ? from : from + "/";
    Files.createDirectories(out);
    PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    for (Resource file : resources.getResources(base + "*")) {
      String name = file.getFilename();
      if (name != null && !name.isBlank() && file.isReadable()) {
        try (InputStream in = file.getInputStream()) {
          Files.write(out.resolve(name), in.readAllBytes());
        }
      }
    }
    JsonNode agenciesFile = read(resources.getResource(base + "agencies.yml"));
    JsonNode proceduresFile = read(resources.getResource(base + "procedures.yml"));
    Random random = new Random(seed);

    ArrayNode agencies = ((ArrayNode) agenciesFile.get("agencies")).deepCopy();
    String root = null;
    Set<String> codes = new HashSet<>();
    Map<String, String> byName = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    int communes = 0;
    for (JsonNode a : agencies) {
      codes.add(a.get("code").asText());
      names.add(a.get("name").asText());
      if (a.get("validTo") != null) {
        continue; // abolished (kept for history): the generated province grows today's tree
      }
      if (a.get("parent") == null && root == null) {
        root = a.get("code").asText();
      }
    }
    if (root == null) {
      throw new IllegalStateException("agencies.yml has no root agency (one without parent)");
    }
    // The province's own communes: a vertical agency's ward unit (công an phường) is another tree.
    for (JsonNode a : agencies) {
      if (a.get("validTo") == null && "COMMUNE".equals(a.path("level").asText())
          && root.equals(a.path("parent").asText())) {
        communes++;
      }
    }
    String province = provinceOf(agencies, root);
    String rootFrom = rootValidFrom(agencies, root);
    String suffix = root.substring(root.lastIndexOf('.') + 1);
    for (String[] d : DEPARTMENTS) {
      String code = "000.00." + d[1] + "." + suffix;
      String name = d[0] + (d[0].endsWith("tỉnh") ? " " + province : " tỉnh " + province);
      String existing = agencyNamed(agencies, d[0]);
      if (existing != null) {
        byName.put(d[0], existing);
        continue;
      }
      if (codes.add(code)) {
        agencies.add(agency(code, name, root, "PROVINCE", rootFrom));
        byName.put(d[0], code);
      }
    }
    int wanted = communeCount - communes;
    for (int i = 0, n = 0; n < wanted; i++) {
      String place = PLACE_FIRST[i % PLACE_FIRST.length] + " " + PLACE_SECOND[(i / PLACE_FIRST.length
          + i) % PLACE_SECOND.length];
      if (i >= PLACE_FIRST.length * PLACE_SECOND.length * 2) {
        throw new IllegalArgumentException("cannot name " + communeCount + " communes");
      }
      String[] words = place.split(" ");
      String kind = i % 4 == 0 ? "phường" : "xã";
      String name = "Ủy ban nhân dân " + kind + " " + place;
      if (words[0].equals(words[1]) || names.stream().anyMatch(x -> Catalog.fold(x).endsWith(" " + Catalog.fold(place)))) {
        continue;
      }
      String code = String.format(Locale.ROOT, "000.%02d.%02d.%s", n % 99 + 1, 31 + n / 99, suffix);
      if (codes.add(code) && names.add(name)) {
        agencies.add(agency(code, name, root, "COMMUNE", rootFrom));
        n++;
      }
    }

    ArrayNode procedures = ((ArrayNode) proceduresFile.get("procedures")).deepCopy();
    Set<String> procedureCodes = new HashSet<>();
    Set<String> procedureNames = new HashSet<>();
    String process = "dossier-standard";
    for (JsonNode p : procedures) {
      procedureCodes.add(p.get("code").asText());
      procedureNames.add(p.get("name").asText());
      process = p.path("process").asText(process);
    }
    int national = 0;
    int attempts = 0;
    while (procedures.size() < procedureCount) {
      if (++attempts > procedureCount * 50) {
        throw new IllegalArgumentException("cannot name " + procedureCount + " distinct procedures");
      }
      Field field = FIELDS[random.nextInt(FIELDS.length)];
      boolean atCommune = field.commune() && random.nextInt(100) < 60;
      String name = ACTIONS[random.nextInt(ACTIONS.length)] + " "
          + field.objects()[random.nextInt(field.objects().length)] + CASES[random.nextInt(CASES.length)]
          + (atCommune ? " tại cấp xã" : "");
      if (!procedureNames.add(name)) {
        continue;
      }
      String nationalCode = String.format(Locale.ROOT, "9.%06d", ++national);
      String department = byName.getOrDefault(field.department(), agencyNamed(agencies, field.department()));
      String agency = department == null ? root : department;
      String code = nationalCode + "." + (atCommune ? "000.00.31." + suffix : agency);
      if (!procedureCodes.add(code)) {
        continue;
      }
      procedures.add(procedure(random, code, nationalCode, name, field.name(), atCommune, root, agency, process));
    }

    ObjectNode agenciesOut = NODES.objectNode();
    agenciesOut.set("agencies", agencies);
    write(out.resolve("agencies.yml"), "Generated by `catalog-generate` (seed " + seed + ") from " + from
        + ": its agencies, the missing provincial departments and communes up to " + communeCount + ".", agenciesOut);
    ObjectNode proceduresOut = NODES.objectNode();
    proceduresOut.set("procedures", procedures);
    write(out.resolve("procedures.yml"), "Generated by `catalog-generate` (seed " + seed + ") from " + from
        + ": its procedures, then generated ones (national codes 9.xxxxxx) up to " + procedureCount + ".",
        proceduresOut);
    return new Result(out, procedures.size(), communes + Math.max(0, wanted), root);
  }

  private static ObjectNode procedure(Random random, String code, String nationalCode, String name, String field,
      boolean atCommune, String root, String agency, String process) {
    ObjectNode p = NODES.objectNode();
    p.put("code", code);
    p.put("nationalCode", nationalCode);
    p.put("name", name);
    p.put("field", field);
    p.put("level", atCommune ? "COMMUNE" : "PROVINCE");
    if (atCommune) {
      ArrayNode offerings = p.putArray("offerings");
      offerings.addObject().put("level", "COMMUNE").put("under", root);
      p.put("anywhere", random.nextInt(10) == 0);
    } else {
      p.put("agency", agency);
    }
    Object[] duration = DURATIONS[random.nextInt(DURATIONS.length)];
    int value = (Integer) duration[0];
    String unit = (String) duration[1];
    p.putObject("duration").put("value", value).put("unit", unit);
    p.put("onlineLevel", ONLINE[random.nextInt(ONLINE.length)]);
    if (random.nextInt(3) == 0) {
      ObjectNode fee = p.putObject("fee");
      fee.put("due", random.nextBoolean() ? "AT_SUBMISSION" : "BEFORE_RESULT");
      long vnd = 10_000L * (1 + random.nextInt(50));
      fee.putArray("items").addObject().put("name", "Lệ phí " + Character.toLowerCase(name.charAt(0))
          + name.substring(1)).put("kind", "CHARGE").put("vnd", vnd);
      p.put("feeNote", String.format(Locale.ROOT, "Lệ phí %,d đồng/hồ sơ (nghị quyết của HĐND tỉnh)", vnd)
          .replace(',', '.'));
    }
    p.put("legalBasis", "Quyết định công bố số " + (100 + random.nextInt(2900)) + "/QĐ-UBND (dữ liệu sinh tự động)");
    p.put("process", process);
    ArrayNode components = p.putArray("components");
    int count = 2 + random.nextInt(3);
    List<Integer> picked = new ArrayList<>(List.of(0));
    while (picked.size() < count) {
      int c = 1 + random.nextInt(COMPONENTS.length - 1);
      if (!picked.contains(c)) {
        picked.add(c);
      }
    }
    for (int c : picked) {
      ObjectNode component = components.addObject().put("code", COMPONENTS[c][0]).put("name", COMPONENTS[c][1]);
      if (COMPONENTS[c][0].equals("VAN_BAN_UY_QUYEN") || COMPONENTS[c][0].equals("BAN_VE")) {
        component.put("required", false);
      }
    }
    ArrayNode steps = p.putArray("steps");
    int[] hours = budget(value, unit);
    for (int i = 0; i < hours.length; i++) {
      steps.addObject().put("task", ProcessContract.Tasks.BUDGETED.get(i)).put("workingHours", hours[i]);
    }
    return p;
  }

  /**
   * Working hours of reception, appraisal, approval and result return: they add up to the limit in working time
   * (8 h a working day) and fit within a same-day one (the loader's rule).
   */
  static int[] budget(int value, String unit) {
    int total = switch (unit) {
      case "WORKING_DAYS", "CALENDAR_DAYS" -> value * 8;
      case "WORKING_HOURS" -> value;
      default -> 7;
    };
    if (ProcessContract.Tasks.BUDGETED.size() != 4 || total < 4) {
      throw new IllegalStateException("budget for " + ProcessContract.Tasks.BUDGETED + " in " + total + " h");
    }
    int approval = Math.max(1, total / 5);
    return new int[] {1, total - approval - 2, approval, 1};
  }

  private static String provinceOf(ArrayNode agencies, String root) {
    for (JsonNode a : agencies) {
      if (a.get("code").asText().equals(root)) {
        String name = a.get("name").asText();
        int at = name.indexOf("tỉnh ");
        if (at < 0) {
          at = name.indexOf("thành phố ");
          return at < 0 ? name : name.substring(at + "thành phố ".length());
        }
        return name.substring(at + "tỉnh ".length());
      }
    }
    return root;
  }

  /** The code of the agency whose name starts with this one (e.g. "Sở Tư pháp" → "Sở Tư pháp thành phố Cần Thơ"). */
  private static String agencyNamed(ArrayNode agencies, String prefix) {
    for (JsonNode a : agencies) {
      if (a.get("validTo") == null && (a.get("name").asText().startsWith(prefix + " ") || a.get("name").asText().equals(prefix))) {
        return a.get("code").asText();
      }
    }
    return null;
  }

  /** An agency under the root, from the day the root's structure starts (an agency lies within its parent's period). */
  private static ObjectNode agency(String code, String name, String parent, String level, String validFrom) {
    ObjectNode agency = NODES.objectNode().put("code", code).put("name", name).put("parent", parent)
        .put("level", level);
    return validFrom == null ? agency : agency.put("validFrom", validFrom);
  }

  private static String rootValidFrom(ArrayNode agencies, String root) {
    for (JsonNode a : agencies) {
      if (a.get("code").asText().equals(root) && a.get("validFrom") != null) {
        return a.get("validFrom").asText();
      }
    }
    return null;
  }

  private static JsonNode read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return YAML.readTree(in);
    }
  }

  private static void write(Path file, String header, JsonNode content) throws IOException {
    Files.writeString(file, "# " + header + "\n" + YAML.writeValueAsString(content), StandardCharsets.UTF_8);
  }
}
