package org.motcua.catalog;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A procedure's fees and charges (biểu phí, lệ phí): what is charged, counted per what, and when it is due.
 *
 * <p>An item is either a fixed amount or counted per unit of a declared quantity (trang, bản sao, phiếu) with rates
 * by tier — e.g. certified copies: 2.000 đồng a page for pages 1–2, 1.000 đồng from page 3, at most 200.000 đồng a
 * copy, times the number of copies. The applicant declares the quantities at submission; each has a default, so the
 * fee of the common case is known before anyone declares anything.
 *
 * @param due when the fee is paid: at submission (before reception) or before the result is returned
 */
public record FeeSchedule(Due due, List<Quantity> quantities, List<Item> items) {

  public static final FeeSchedule NONE = new FeeSchedule(Due.BEFORE_RESULT, List.of(), List.of());

  /** Thời điểm nộp phí. */
  public enum Due { AT_SUBMISSION, BEFORE_RESULT }

  /** Phí (a fee for a service) or lệ phí (a charge for a State act); they are budgeted differently. */
  public enum Kind { FEE, CHARGE }

  /**
   * A quantity the applicant declares (số trang, số bản sao, số phiếu), counted in {@code unit} (trang, bản, phiếu),
   * with its default and bounds.
   */
  public record Quantity(String code, String name, String unit, int defaultValue, int min, int max) {
  }

  /** A unit numbered {@code from} or later (1-based) costs {@code vnd}, until the next tier starts. */
  public record Tier(int from, long vnd) {
  }

  /**
   * One fee or charge. {@code per}: the quantity whose units are priced by {@code tiers} (null: charged once at the
   * first tier's rate); {@code capVnd}: the most one group costs (null: no cap); {@code times}: the quantity that
   * multiplies the group (null: once).
   */
  public record Item(String name, Kind kind, String per, List<Tier> tiers, Long capVnd, String times) {

    long groupAmount(int units) {
      long amount = 0;
      for (int unit = 1; unit <= units; unit++) {
        amount += rate(unit);
      }
      return capVnd == null ? amount : Math.min(amount, capVnd);
    }

    private long rate(int unit) {
      long rate = 0;
      for (Tier tier : tiers) {
        if (tier.from() <= unit) {
          rate = tier.vnd();
        }
      }
      return rate;
    }
  }

  /** One line of a quote, as printed on the receipt. */
  public record Line(String name, Kind kind, String detail, long vnd) {
  }

  /** The fee for declared quantities (each one defaulted when not declared). */
  public record Quote(Map<String, Integer> quantities, List<Line> lines, long totalVnd) {

    /** The lines as the receipt and the history print them, one per line. */
    public String describe() {
      StringBuilder text = new StringBuilder();
      for (Line line : lines) {
        if (!text.isEmpty()) {
          text.append('\n');
        }
        text.append(line.name());
        if (!line.detail().isEmpty()) {
          text.append(" (").append(line.detail()).append(')');
        }
        text.append(": ").append(dong(line.vnd()));
      }
      return text.toString();
    }
  }

  /** A declared quantity the schedule does not know or does not allow; {@code reason} is an error code. */
  public static final class QuantityException extends RuntimeException {

    private final String reason;
    private final String quantity;

    QuantityException(String reason, String quantity, String message) {
      super(message);
      this.reason = reason;
      this.quantity = quantity;
    }

    public String reason() {
      return reason;
    }

    public String quantity() {
      return quantity;
    }
  }

  public boolean isDueAtSubmission() {
    return due == Due.AT_SUBMISSION;
  }

  /** The fee of the common case: every quantity at its default. */
  public long defaultTotalVnd() {
    return quote(Map.of()).totalVnd();
  }

  public Quote quote(Map<String, Integer> declared) {
    Map<String, Integer> values = new LinkedHashMap<>();
    for (Quantity q : quantities) {
      values.put(q.code(), q.defaultValue());
    }
    for (Map.Entry<String, Integer> e : declared.entrySet()) {
      Quantity q = quantities.stream().filter(x -> x.code().equals(e.getKey())).findFirst()
          .orElseThrow(() -> new QuantityException("UNKNOWN_FEE_QUANTITY", e.getKey(), "unknown quantity"));
      Integer value = e.getValue();
      if (value == null || value < q.min() || value > q.max()) {
        throw new QuantityException("INVALID_FEE_QUANTITY", q.code(),
            q.name() + " must be between " + q.min() + " and " + q.max());
      }
      values.put(q.code(), value);
    }
    List<Line> lines = new ArrayList<>();
    long total = 0;
    for (Item item : items) {
      int units = item.per() == null ? 1 : values.get(item.per());
      int groups = item.times() == null ? 1 : values.get(item.times());
      long amount = item.groupAmount(units) * groups;
      if (amount == 0) {
        continue;
      }
      lines.add(new Line(item.name(), item.kind(), detail(item, units, groups), amount));
      total += amount;
    }
    return new Quote(Map.copyOf(values), List.copyOf(lines), total);
  }

  private String detail(Item item, int units, int groups) {
    List<String> parts = new ArrayList<>();
    if (item.per() != null) {
      parts.add(units + " " + unitName(item.per()));
    }
    if (item.times() != null) {
      parts.add("× " + groups + " " + unitName(item.times()));
    }
    return String.join(" ", parts);
  }

  private String unitName(String quantity) {
    return quantities.stream().filter(q -> q.code().equals(quantity)).findFirst().map(Quantity::unit)
        .orElse(quantity);
  }

  static String dong(long vnd) {
    return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(vnd) + " đồng";
  }
}
