package org.motcua.eform;

/** What a form field may be pre-filled with from the signed-in account's identity, where the account knows it. */
public enum Prefill {
  NAME, ID_NUMBER, BIRTH_DATE, ADDRESS, PHONE
}
