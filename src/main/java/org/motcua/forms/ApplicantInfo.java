package org.motcua.forms;

/**
 * The person or organisation a form is addressed to.
 *
 * @param name full name, e.g. "Nguyễn Thị Hồng Nhung"
 * @param idNumber CCCD (12 digits) or tax code
 * @param phone phone number, may be {@code null}
 * @param email e-mail address, may be {@code null}
 * @param address postal address, may be {@code null}
 */
public record ApplicantInfo(String name, String idNumber, String phone, String email, String address) {
}
