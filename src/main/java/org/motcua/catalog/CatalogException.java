package org.motcua.catalog;

/** A malformed catalog file: start-up stops with a message naming the file, the entry and the field. */
public class CatalogException extends RuntimeException {

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
