package org.motcua.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * For tests of a model no shipped procedure uses yet: one procedure entry in the {@code procedures.yml} schema,
 * parsed and checked by the catalogue's own loader against the running catalogue's agencies, ready to
 * {@link Catalog#publish publish}.
 */
public final class TestProcedures {

  private TestProcedures() {
  }

  public static Procedure parse(Catalog catalog, String yamlEntry, LocalDate today) {
    try {
      return new CatalogLoader(catalog.allAgencies(), today)
          .parseProcedure(new ObjectMapper(new YAMLFactory()).readTree(yamlEntry), "test entry");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
