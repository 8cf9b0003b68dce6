package org.motcua.forms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Vietnamese wording of dates and times as the forms write them, and the dotted blank for a missing value. */
final class FormText {

  static final String BLANK = "……………………";
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private FormText() {
  }

  static String orBlank(String text) {
    return text == null || text.isBlank() ? BLANK : text;
  }

  static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** "ngày 23 tháng 01 năm 2025", or a blank to fill in. */
  static String longDate(LocalDate date) {
    if (date == null) {
      return "ngày …… tháng …… năm ……";
    }
    return "ngày %02d tháng %02d năm %d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
  }

  /** "Hậu Giang, ngày 23 tháng 01 năm 2025", the line under the national motto. */
  static String placeAndDate(String place, LocalDate date) {
    return orBlank(place) + ", " + longDate(date);
  }

  /** "09 giờ 00 phút, ngày 23 tháng 01 năm 2025". */
  static String longTime(LocalDateTime at) {
    if (at == null) {
      return "…… giờ …… phút, " + longDate(null);
    }
    return "%02d giờ %02d phút, %s".formatted(at.getHour(), at.getMinute(), longDate(at.toLocalDate()));
  }

  /** "09 giờ 00 phút, thứ Năm, ngày 06 tháng 02 năm 2025": appointments name the weekday too. */
  static String appointment(LocalDateTime at) {
    if (at == null) {
      return longTime(null);
    }
    return "%02d giờ %02d phút, %s, %s".formatted(
        at.getHour(), at.getMinute(), weekday(at.getDayOfWeek()), longDate(at.toLocalDate()));
  }

  static String weekday(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> "thứ Hai";
      case TUESDAY -> "thứ Ba";
      case WEDNESDAY -> "thứ Tư";
      case THURSDAY -> "thứ Năm";
      case FRIDAY -> "thứ Sáu";
      case SATURDAY -> "thứ Bảy";
      case SUNDAY -> "Chủ nhật";
    };
  }

  /** "23/01/2025", or empty. */
  static String shortDate(LocalDate date) {
    return date == null ? "" : date.format(SHORT_DATE);
  }

  /** "23/01/2025 09:00", or empty. */
  static String shortDateTime(LocalDateTime at) {
    return at == null ? "" : at.format(SHORT_DATE_TIME);
  }
}
