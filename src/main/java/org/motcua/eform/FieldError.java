package org.motcua.eform;

/**
 * One field of an e-form's data that does not pass its definition.
 *
 * @param path where the field is in the form data, as a JSON path ({@code $.child.birthDate})
 * @param field the field's name in the layout ({@code child.birthDate}), which a page shows the message next to
 * @param code a stable English code: {@code REQUIRED}, {@code FORMAT}, {@code TYPE}, {@code PATTERN}, {@code ENUM},
 *     {@code MIN_LENGTH}, {@code MAX_LENGTH}, {@code MINIMUM}, {@code MAXIMUM}, {@code UNKNOWN_FIELD} or
 *     {@code INVALID}
 * @param message the message in the request's language (Vietnamese by default), naming the field's label
 */
public record FieldError(String path, String field, String code, String message) {
}
