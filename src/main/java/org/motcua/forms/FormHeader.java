package org.motcua.forms;

/**
 * The issuing agency, printed in the left column of the national two-column header, and the place written before the
 * date ("Hậu Giang, ngày … tháng … năm …").
 *
 * @param agencyName the issuing agency or unit, e.g. "SỞ TƯ PHÁP"
 * @param parentAgencyName its governing body, e.g. "UBND TỈNH HẬU GIANG"; {@code null} when there is none
 * @param place the place name before the date, e.g. "Hậu Giang"
 */
public record FormHeader(String agencyName, String parentAgencyName, String place) {
}
