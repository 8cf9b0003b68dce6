package org.motcua.dossier;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Who may see or act on a dossier (see {@link DossierAccess}): the refusals every dossier use case may answer with. */
public enum AccessRefusal implements Refusal {
  /** No dossier with this code, or one the caller may not see (the same answer, so codes cannot be probed). */
  UNKNOWN_DOSSIER(HttpStatus.NOT_FOUND),
  /** The caller sees the dossier but this action belongs to someone else (the applicant, a clerk…). */
  DOSSIER_ACCESS_DENIED(HttpStatus.FORBIDDEN);

  private final HttpStatus status;

  AccessRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
