package org.motcua.catalog;

/**
 * One receiving agency of a procedure (nơi tiếp nhận): the agency, and the procedure's code as that agency publishes it
 * (mã thủ tục địa phương hóa; the procedure's catalogue code when the configuration gives none).
 */
public record Offering(String agencyCode, String localizedCode) {
}
