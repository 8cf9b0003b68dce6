package org.motcua.dossier;

/** Submission channel (hình thức nộp) with the national codes 1, 2, 3. */
public enum Channel {
  /** Trực tiếp: at the one-stop counter. */
  COUNTER(1),
  /** Trực tuyến: online. */
  ONLINE(2),
  /** Bưu chính công ích: public postal service. */
  POSTAL(3);

  private final int code;

  Channel(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
