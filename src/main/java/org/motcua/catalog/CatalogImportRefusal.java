package org.motcua.catalog;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a catalogue import is refused; the name is the stable problem code. */
public enum CatalogImportRefusal implements Refusal {
  /** No file part, or a file without a header and at least one row. No args. */
  CATALOGUE_IMPORT_EMPTY(HttpStatus.BAD_REQUEST),
  /** Neither CSV nor a readable XLSX workbook. Args: the file name. */
  CATALOGUE_IMPORT_FORMAT(HttpStatus.BAD_REQUEST),
  /** A CSV that is not UTF-8. No args. */
  CATALOGUE_IMPORT_NOT_UTF8(HttpStatus.BAD_REQUEST),
  /** A quote opened and never closed. Args: the line it opens on. */
  CATALOGUE_IMPORT_UNCLOSED_QUOTE(HttpStatus.BAD_REQUEST),
  /** Lines with errors: every one is listed in the problem's {@code errors}; nothing was stored. Args: how many. */
  CATALOGUE_IMPORT_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
  /** No import with this id. Args: the id. */
  CATALOGUE_IMPORT_NOT_FOUND(HttpStatus.NOT_FOUND),
  /** The import was committed already. Args: the id. */
  CATALOGUE_IMPORT_ALREADY_COMMITTED(HttpStatus.CONFLICT),
  /** Another import was committed since this preview was made: preview the file again. Args: the id. */
  CATALOGUE_IMPORT_STALE(HttpStatus.CONFLICT),
  /** The file changes nothing in the catalogue in force. No args. */
  CATALOGUE_IMPORT_NO_CHANGES(HttpStatus.CONFLICT),
  /** The effective date is missing or before today. Args: today. */
  CATALOGUE_IMPORT_EFFECTIVE_IN_PAST(HttpStatus.BAD_REQUEST),
  /** The publication decision (quyết định công bố) is missing or too long. No args. */
  CATALOGUE_IMPORT_DECISION_REQUIRED(HttpStatus.BAD_REQUEST),
  /**
   * A procedure of the file has a version that came into force on or after the effective date and by today: dossiers
   * may be bound to it, so it cannot be superseded from that date. Args: the catalogue's reason.
   */
  CATALOGUE_IMPORT_SUPERSEDES_IN_FORCE(HttpStatus.CONFLICT);

  private final HttpStatus status;

  CatalogImportRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
