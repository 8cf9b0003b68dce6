package org.motcua.catalog;

import org.springframework.core.io.DefaultResourceLoader;

/** The catalogue of {@code config/} without Spring, for tests of other features that read it. */
public final class TestCatalogs {

  private TestCatalogs() {
  }

  public static Catalog fromConfig() {
    return new Catalog(new DefaultResourceLoader(), "file:config/");
  }
}
