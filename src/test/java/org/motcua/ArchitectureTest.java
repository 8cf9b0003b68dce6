package org.motcua;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package boundaries of issue 20, checked on the compiled main classes (no Spring, no database).
 *
 * <p>Package map: one package per feature ({@code dossier}, {@code catalog}, {@code calendar}, {@code document},
 * {@code forms}, {@code payment}, {@code reporting}, {@code warehouse}, {@code outbox}, {@code security}), the engine
 * port {@code process} with its Camunda adapter {@code process.camunda}, the server-rendered pages {@code web}, shared
 * plumbing {@code common}, and the throughput command {@code bench}. A rule that does not hold yet keeps an explicit
 * allow-list of today's offenders, so that a new offender fails the build and a fixed one must leave the list.
 */
@AnalyzeClasses(packages = "org.motcua", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  // --- The process engine stays behind its port -------------------------------------------------------------------

  @ArchTest
  static final ArchRule onlyTheAdapterImportsCamunda = noClasses()
      .that().resideOutsideOfPackage("org.motcua.process.camunda..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("the engine sits behind the DossierProcess port; moving to Operaton or Camunda 8 must touch "
          + "process.camunda only");

  @ArchTest
  static final ArchRule theAdapterIsReachedThroughThePort = noClasses()
      .that().resideOutsideOfPackage("org.motcua.process.camunda..")
      .and().resideOutsideOfPackage("org.motcua.bench..")
      .should().dependOnClassesThat().resideInAPackage("org.motcua.process.camunda..")
      .because("features ask the engine through process.DossierProcess and its milestones; only the benchmark "
          + "may call the adapter's BareEngine, the default-configured Camunda engine it measures motcua against");

  // --- No cycles ----------------------------------------------------------------------------------------------------

  @ArchTest
  static final ArchRule featuresHaveNoCycles = slices()
      .matching("org.motcua.(*)..").namingSlices("feature $1")
      .should().beFreeOfCycles()
      .because("a feature that can be read, changed and moved on its own needs its dependencies to point one way");

  @ArchTest
  static final ArchRule packagesHaveNoCycles = slices()
      .matching("org.motcua.(**)").namingSlices("package $1")
      .should().beFreeOfCycles()
      .because("inside a feature too, a sub-package (process.camunda, web.officer) depends on its parent and "
          + "never the other way round");

  // --- Web on top: pages and controllers go through feature services -----------------------------------------------

  @ArchTest
  static final ArchRule nothingDependsOnThePages = noClasses()
      .that().resideOutsideOfPackage("org.motcua.web..")
      .should().dependOnClassesThat().resideInAPackage("org.motcua.web..")
      .because("the pages are the top layer: features serve them and never know them");

  @ArchTest
  static final ArchRule pagesDoNotTouchPersistence = noClasses()
      .that().resideInAPackage("org.motcua.web..")
      .should().dependOnClassesThat().areAssignableTo(Repository.class)
      .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
          "org.springframework.jdbc..", "java.sql..", "javax.sql..")
      .because("pages read and change dossiers through the feature services, which own transactions, access "
          + "checks and the indicator counters (Spring Data's Page, a paging value, is fine)");

  @ArchTest
  static final ArchRule controllersDoNotTouchPersistence = noClasses()
      .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
      .should().dependOnClassesThat().areAssignableTo(Repository.class)
      .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
          "org.springframework.jdbc..", "java.sql..", "javax.sql..")
      .because("controllers are thin: they translate HTTP into one service call and its answer into a view");

  /**
   * Today's uses of one controller or page by another class. Issue 20 gives pages and controllers shared views and
   * use cases; each entry leaves the list when its helper moves there.
   */
  private static final Map<String, String> CONTROLLER_USES_ALLOWED_TODAY = Map.of(
      "org.motcua.web.citizen.CitizenPages -> org.motcua.web.citizen.CatalogPages",
      "the submission page shows the procedure card the catalog page builds",
      "org.motcua.reporting.ReportCsv -> org.motcua.reporting.ReportController",
      "the streamed register sets the download headers with the controller's attachment() on its first line");

  @ArchTest
  static void nobodyUsesAnotherController(JavaClasses classes) {
    Set<String> uses = new TreeSet<>();
    for (JavaClass origin : classes) {
      for (Dependency d : origin.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        if (target.getPackageName().startsWith("org.motcua")
            && (target.isAnnotatedWith(RestController.class) || target.isAnnotatedWith(Controller.class))
            && !topLevel(target).equals(topLevel(origin))) {
          uses.add(topLevel(origin).getName() + " -> " + topLevel(target).getName());
        }
      }
    }
    assertThat(uses)
        .as("classes using another class's controller or page: controllers and pages are entry points, what two of "
            + "them share belongs in a service or a view. Allowed today only: " + CONTROLLER_USES_ALLOWED_TODAY
            + " (a use that is gone must leave the list)")
        .isEqualTo(new TreeSet<>(CONTROLLER_USES_ALLOWED_TODAY.keySet()));
  }

  // --- Each feature owns its persistence ----------------------------------------------------------------------------

  @ArchTest
  static final ArchRule dossierRepositoriesStayInDossier = noClasses()
      .that().resideOutsideOfPackage("org.motcua.dossier..")
      .should().dependOnClassesThat(resideInAPackage("org.motcua.dossier..").and(assignableTo(Repository.class)))
      .because("the dossier side owns its tables; other features ask its services (issue 20)");

  @ArchTest
  static final ArchRule repositoriesStayInTheirFeature = classes()
      .should(new ArchCondition<JavaClass>("use only the Spring Data repositories of their own feature") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
          for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = d.getTargetClass();
            if (target.getPackageName().startsWith("org.motcua.") && target.isAssignableTo(Repository.class)
                && !feature(target).equals(feature(origin))) {
              events.add(SimpleConditionEvent.violated(origin, d.getDescription()));
            }
          }
        }
      })
      .because("a feature's tables are its own business; others go through its services");

  // --- Nothing outside dossier writes (and, once issue 20 is done, reads) the dossier tables -----------------------

  /** The tables the dossier side owns (created by V1 and V2; {@code document} holds its component files). */
  private static final String DOSSIER_TABLES = "(dossier|dossier_event|dossier_code_counter|document)";

  private static final Pattern WRITES_DOSSIER_TABLES = Pattern.compile(
      "\\b(insert\\s+into|update|delete\\s+from|merge\\s+into|truncate(\\s+table)?)\\s+" + DOSSIER_TABLES + "\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern READS_DOSSIER_TABLES = Pattern.compile(
      "\\b(from|join)\\s+" + DOSSIER_TABLES + "\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Today's SQL writers of dossier tables outside {@code dossier}: none since the history import creates its dossiers
   * through {@code dossier.ImportedDossiers} (issue 20). A new writer goes through the dossier side instead.
   */
  private static final Map<String, String> WRITERS_ALLOWED_TODAY = Map.of();

  /**
   * Today's SQL readers of dossier tables outside {@code dossier}: reporting and the benchmark read the dossier side's
   * projection, the {@code dossier_facts} view named by {@code dossier.DossierFactsView} (issue 20); only the soak's
   * integrity check reads the tables, from outside the nodes that wrote them, as the crash tests do.
   */
  private static final Map<String, String> READERS_ALLOWED_TODAY = Map.of("org.motcua.bench.SoakCommand",
      "checks, from outside the killed and restarted nodes, that nothing is half-written (dossier, history, outbox)");

  /**
   * ArchUnit sees types, not SQL, so this rule reads the string constants of each compiled class (text blocks and the
   * recipes of {@code "..." + x} concatenations included) and looks for statements on the dossier tables.
   */
  @ArchTest
  static void nothingOutsideDossierWritesDossierTables(JavaClasses classes) {
    assertThat(classesWhoseSql(classes, WRITES_DOSSIER_TABLES))
        .as("SQL writing the dossier tables outside org.motcua.dossier: the dossier side owns its rows and publishes "
            + "DossierChanged for every change, so that no change skips the indicator counters. Allowed today only: "
            + WRITERS_ALLOWED_TODAY + " (a class that no longer writes must leave the list)")
        .isEqualTo(new TreeSet<>(WRITERS_ALLOWED_TODAY.keySet()));
  }

  @ArchTest
  static void nothingNewOutsideDossierReadsDossierTables(JavaClasses classes) {
    assertThat(classesWhoseSql(classes, READS_DOSSIER_TABLES))
        .as("SQL reading the dossier tables outside org.motcua.dossier: read dossiers through the dossier side, so a "
            + "column can change in one place. Allowed today only: " + READERS_ALLOWED_TODAY
            + " (a class that no longer reads must leave the list)")
        .isEqualTo(new TreeSet<>(READERS_ALLOWED_TODAY.keySet()));
  }

  /** Top-level classes outside {@code dossier} holding a string constant that matches {@code sql}. */
  private static Set<String> classesWhoseSql(JavaClasses classes, Pattern sql) {
    Set<String> found = new TreeSet<>();
    for (JavaClass type : classes) {
      if (feature(type).equals("dossier")) {
        continue;
      }
      for (String constant : stringConstants(type)) {
        if (sql.matcher(constant).find()) {
          found.add(topLevel(type).getName());
        }
      }
    }
    return found;
  }

  /** The CONSTANT_String entries of a class file's constant pool (JVMS 4.4). */
  private static List<String> stringConstants(JavaClass type) {
    var source = type.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + type.getName()));
    try (InputStream in = source.getUri().toURL().openStream();
        DataInputStream data = new DataInputStream(in)) {
      data.readInt(); // magic
      data.readUnsignedShort(); // minor version
      data.readUnsignedShort(); // major version
      int count = data.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] stringRefs = new int[count];
      int strings = 0;
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = data.readUTF();
          case 8 -> stringRefs[strings++] = data.readUnsignedShort();
          case 7, 16, 19, 20 -> data.skipBytes(2);
          case 15 -> data.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
          case 5, 6 -> {
            data.skipBytes(8);
            i++; // longs and doubles take two slots
          }
          default -> throw new IllegalStateException("constant pool tag " + tag + " in " + type.getName());
        }
      }
      List<String> constants = new ArrayList<>();
      for (int i = 0; i < strings; i++) {
        constants.add(utf8[stringRefs[i]]);
      }
      return constants;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- The dossier records its changes; whoever changes it saves it, which publishes them --------------------------

  /**
   * A transition of {@link org.motcua.dossier.Dossier} is a method that writes a history line ({@code record}),
   * directly or through a private helper: that is where the dossier records its {@code DossierChanged}. The change
   * reaches the counters when the dossier is saved through {@code DossierChanges} (or {@code DossierLookup.save}),
   * so a class that calls a transition must also save: otherwise its change would skip the indicators.
   */
  @ArchTest
  static void whoeverChangesADossierSavesIt(JavaClasses classes) {
    JavaClass dossier = classes.get("org.motcua.dossier.Dossier");
    Set<JavaMethod> transitions = new LinkedHashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (JavaMethod method : dossier.getMethods()) {
        boolean writesHistory = method.getMethodCallsFromSelf().stream().anyMatch(call ->
            call.getTargetOwner().equals(dossier) && (call.getName().equals("record")
                || transitions.stream().anyMatch(t -> t.getName().equals(call.getName()))));
        // Static factories create a dossier: Intake.start saves it, checked by the same rule on its callers' side.
        if (writesHistory && !method.getName().equals("record") && !method.getModifiers().contains(JavaModifier.STATIC)
            && transitions.add(method)) {
          grew = true;
        }
      }
    }
    assertThat(transitions).extracting(JavaMethod::getName).contains("receive", "finish", "requestWithdrawal");
    Set<String> unsaved = new TreeSet<>();
    for (JavaClass origin : classes) {
      if (topLevel(origin).equals(dossier)) {
        continue;
      }
      boolean changes = origin.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().equals(dossier)
          && (call.getName().equals("record") || transitions.stream().anyMatch(t -> t.getName().equals(call.getName()))));
      boolean saves = origin.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("save")
          && (call.getTargetOwner().getName().equals("org.motcua.dossier.DossierChanges")
              || call.getTargetOwner().getName().equals("org.motcua.dossier.DossierLookup")));
      if (changes && !saves) {
        unsaved.add(origin.getName());
      }
    }
    assertThat(unsaved).as("classes that change a dossier without saving it (its DossierChanged would never reach "
        + "the indicator counters, the outbox or the metrics)").isEmpty();
  }

  // --- Use cases stay small -------------------------------------------------------------------------------------------

  /** Issue 20: no class of the dossier side over 300 lines but the entity, which holds the lifecycle's rules. */
  @ArchTest
  static void dossierClassesStaySmall(JavaClasses classes) throws IOException {
    Set<String> large = new TreeSet<>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/org/motcua/dossier"))) {
      for (var file : files.toList()) {
        long lines = java.nio.file.Files.readAllLines(file).size();
        if (lines > 300 && !file.getFileName().toString().equals("Dossier.java")) {
          large.add(file.getFileName() + " (" + lines + " lines)");
        }
      }
    }
    assertThat(large).as("dossier classes over 300 lines: split them into use cases a clerk would name").isEmpty();
  }

  /** A use case is a bean: an operation's {@code RunsUseCase} finds its declared refusals in the context. */
  @ArchTest
  static final ArchRule useCasesAreBeans = classes()
      .that().implement(org.motcua.common.UseCase.class)
      .should().beMetaAnnotatedWith(org.springframework.stereotype.Component.class)
      .because("an operation's @RunsUseCase names the use case bean whose refusals the OpenAPI document lists");

  // --- No entity leaks into the API ---------------------------------------------------------------------------------

  @ArchTest
  static final ArchRule endpointsReturnViewsNotEntities = methods()
      .that().areMetaAnnotatedWith(RequestMapping.class)
      .and().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
      .or().areAnnotatedWith(ResponseBody.class)
      .should(new ArchCondition<JavaMethod>("not return a JPA entity, directly, as a type argument or in a view") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
          Set<JavaClass> reached = new LinkedHashSet<>();
          reach(method.getReturnType(), reached);
          for (JavaClass type : reached) {
            if (type.isAnnotatedWith(Entity.class)) {
              events.add(SimpleConditionEvent.violated(method,
                  method.getFullName() + " returns entity " + type.getName() + " (" + method.getSourceCodeLocation()
                      + ")"));
            }
          }
        }
      })
      .because("the API answers with views (records mapped by MapStruct), so renaming a column or adding a lazy "
          + "association never changes or breaks what clients receive");

  /**
   * Every type an answer can carry: the type itself, its type arguments (ResponseEntity&lt;List&lt;X&gt;&gt;), array
   * components, and, for motcua's own classes, the types of their instance fields (a view that holds an entity
   * leaks it as surely as returning it).
   */
  private static void reach(JavaType type, Set<JavaClass> reached) {
    if (type instanceof JavaParameterizedType parameterized) {
      parameterized.getActualTypeArguments().forEach(argument -> reach(argument, reached));
    } else if (type instanceof JavaWildcardType wildcard) {
      wildcard.getUpperBounds().forEach(bound -> reach(bound, reached));
    }
    JavaClass erased = type.toErasure();
    if (erased.isArray()) {
      erased = erased.getBaseComponentType();
    }
    if (!reached.add(erased) || !erased.getPackageName().startsWith("org.motcua")
        || erased.isAnnotatedWith(Entity.class)) {
      return;
    }
    for (JavaField field : erased.getAllFields()) {
      if (!field.getModifiers().contains(JavaModifier.STATIC)) {
        reach(field.getType(), reached);
      }
    }
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  private static String feature(JavaClass type) {
    String rest = type.getPackageName().substring("org.motcua".length());
    return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
  }
}
