package org.motcua.dossier;

import java.util.Optional;
import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why an officer may not take or decide a task of their inbox. */
public enum TaskRefusal implements Refusal {
  /** No such open task in the officer's agency (another agency's task is answered the same way). Args: task id. */
  TASK_NOT_FOUND(HttpStatus.NOT_FOUND, null),
  /** The task is for another role of the agency. Args: task id. */
  TASK_NOT_YOURS(HttpStatus.FORBIDDEN, null),
  /** A colleague has claimed the task. Args: task id, colleague. */
  TASK_CLAIMED_BY_OTHER(HttpStatus.CONFLICT, null),
  /** Somebody completed the task meanwhile (a double click, two tabs). Args: task id. */
  TASK_ALREADY_DONE(HttpStatus.CONFLICT, null),
  /** The model offers other decisions at this step. Args: decision, step, offered decisions. */
  DECISION_NOT_OFFERED(HttpStatus.BAD_REQUEST, "decision"),
  /** A supplement request, refusal, rework or apology must say why. Args: decision. */
  NOTE_REQUIRED(HttpStatus.BAD_REQUEST, "note"),
  /** Reception needs every required component digitized. Args: missing components. */
  COMPONENTS_MISSING(HttpStatus.BAD_REQUEST, null),
  /** Digitization is finished only when every required component is scanned. Args: missing components. */
  COMPONENTS_NOT_DIGITIZED(HttpStatus.BAD_REQUEST, null);

  private final HttpStatus status;
  private final String field;

  TaskRefusal(HttpStatus status, String field) {
    this.status = status;
    this.field = field;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
