package org.motcua.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.motcua.common.Refusal;

/**
 * Every declared refusal has its message in both languages ({@code error.<code>}), and one code means one HTTP
 * status wherever it is declared: the API document lists them from these declarations.
 */
class RefusalMessagesTest {

  /** Codes answered with two statuses, each documented on its own operations; the reason why. */
  private static final Map<String, String> TWO_STATUSES = Map.of("UNKNOWN_PROCEDURE",
      "404 for the catalogue entry asked by its address, 400 for a submission whose body names an unknown one");

  @Test
  void everyDeclaredRefusalHasItsMessagesAndOneStatus() throws IOException, IllegalAccessException {
    Properties vietnamese = load("messages_vi.properties");
    Properties english = load("messages_en.properties");
    List<Refusal> refusals = new ArrayList<>();
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.motcua")) {
      Class<?> reflected = type.reflect();
      // An enum constant with a body is an anonymous subclass: its constants are listed by the enum itself.
      if (reflected.isEnum() && Refusal.class.isAssignableFrom(reflected)) {
        for (Object constant : reflected.getEnumConstants()) {
          refusals.add((Refusal) constant);
        }
      }
      // Refusals declared as constants (Refusal.of) where an enum would be too much.
      for (Field field : reflected.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && Refusal.class.isAssignableFrom(field.getType())
            && !field.isEnumConstant()) {
          field.setAccessible(true);
          refusals.add((Refusal) field.get(null));
        }
      }
    }
    assertThat(refusals).extracting(Refusal::code).contains("UNKNOWN_PROCEDURE", "WITHDRAWAL_NOT_ALLOWED",
        "UNKNOWN_FIELD", "IMPORT_TOO_LARGE", "UNKNOWN_DOCUMENT", "FORM_NOT_AVAILABLE");
    Map<String, Integer> statuses = new HashMap<>();
    for (Refusal refusal : refusals) {
      String key = "error." + refusal.code();
      assertThat(vietnamese.getProperty(key)).as(key + " in messages_vi.properties").isNotBlank();
      assertThat(english.getProperty(key)).as(key + " in messages_en.properties").isNotBlank();
      Integer before = statuses.put(refusal.code(), refusal.status().value());
      assertThat(before == null || before == refusal.status().value()
          || TWO_STATUSES.containsKey(refusal.code())).as("one status for " + refusal.code()).isTrue();
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = RefusalMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
