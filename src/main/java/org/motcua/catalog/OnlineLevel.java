package org.motcua.catalog;

/** Online public-service level (Decree 42/2022/NĐ-CP): toàn trình, một phần, or not offered online. */
public enum OnlineLevel {
  FULL, PARTIAL, NONE;

  /** Offered online at all: counts in the online-submission rate's denominator. */
  public boolean offeredOnline() {
    return this != NONE;
  }
}
