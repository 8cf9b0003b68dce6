package org.motcua.catalog;

/** Administrative level (cấp): tỉnh, huyện (abolished 1 July 2025, kept for history), xã. */
public enum AgencyLevel {
  PROVINCE, DISTRICT, COMMUNE
}
