package org.motcua.document;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why an uploaded file is refused; the name is the stable problem code. */
public enum UploadRefusal implements Refusal {
  /** The file has no content. No args. */
  EMPTY_FILE(HttpStatus.BAD_REQUEST),
  /** One file over {@code motcua.documents.max-file-bytes}. Args: filename, limit in MB. */
  FILE_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
  /** The dossier's files together over their limit. Args: limit in MB. */
  DOSSIER_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
  /** The applicant's uploads together over their quota. Args: limit in MB. */
  ACCOUNT_QUOTA_EXCEEDED(HttpStatus.PAYLOAD_TOO_LARGE),
  /** Not a PDF, JPEG or PNG by its content. Args: filename. */
  UNSUPPORTED_FILE_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  /** The name's extension says another type than the content. Args: filename, type, extensions. */
  FILE_EXTENSION_MISMATCH(HttpStatus.BAD_REQUEST),
  /** A name that cannot be stored safely. Args: the name. */
  INVALID_FILENAME(HttpStatus.BAD_REQUEST);

  private final HttpStatus status;

  UploadRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
