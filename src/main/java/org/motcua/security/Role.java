package org.motcua.security;

/** Who a user is to the one-stop shop. Officers (all but CITIZEN and ADMIN) belong to one agency. */
public enum Role {
  /** Công dân / tổ chức: submits and follows their own dossiers. */
  CITIZEN,
  /** Cán bộ một cửa: receives dossiers and returns results. */
  CLERK,
  /** Chuyên viên: appraises dossiers. */
  SPECIALIST,
  /** Lãnh đạo: approves and signs. */
  LEADER,
  /** Giám sát: reads the indicators of their agency and everything below it. */
  SUPERVISOR,
  /** Quản trị: everything, including the Camunda web apps. */
  ADMIN;

  public boolean isOfficer() {
    return this == CLERK || this == SPECIALIST || this == LEADER || this == SUPERVISOR;
  }

  /** The candidate group of BPMN user tasks for this role in an agency, e.g. {@code CLERK@000.00.12.H13}. */
  public String groupIn(String agencyCode) {
    return name() + "@" + agencyCode;
  }
}
