package org.motcua.catalog;

/** An agency (cơ quan) identified by its electronic identifier (mã định danh, QCVN 102:2016/BTTTT). */
public record Agency(String code, String name, String parentCode, AgencyLevel level) {
}
