package org.motcua.dossier;

import java.util.Arrays;

/** Dossier status (trạng thái hồ sơ) with the codes synchronized to the National Public Service Portal. */
public enum DossierStatus {
  SUBMITTED(1),
  RECEIVED(2),
  NOT_RECEIVED(3),
  PROCESSING(4),
  SUPPLEMENT_REQUESTED(5),
  PAYMENT_REQUESTED(6),
  WITHDRAWAL_REQUESTED(7),
  STOPPED(8),
  FINISHED(9),
  RETURNED(10);

  private final int code;

  DossierStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static DossierStatus ofCode(int code) {
    return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown status code " + code));
  }

  /** Handling has ended (statuses 8, 9, 10): the dossier can be classified early / on time / late. */
  public boolean endsHandling() {
    return this == STOPPED || this == FINISHED || this == RETURNED;
  }
}
