package org.motcua.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The BPMN models shipped in {@code bpmn/} as the catalogue sees them: for each process key, the steps a procedure
 * must budget. Read as plain XML (no engine), so that {@code procedures.yml} is checked against the models at start-up
 * and in tests of the configuration alike.
 *
 * <p>A step is a user task due after {@code ${<task>Budget}}; the steps of a called process count as the caller's.
 * Steps inside the stage scope ({@link ProcessContract.Stages#SCOPE}) are budgeted per stage; tasks inside another
 * multi-instance activity take their budget elsewhere (e.g. one per consulted agency) and are not steps.
 */
public final class ProcessModels {

  /** Where the engine deploys the models from (application.yml names the same pattern). */
  public static final String LOCATION = "classpath*:bpmn/*.bpmn";

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BUDGET = Pattern.compile("\\$\\{(\\w+)Budget}");
  private static volatile ProcessModels shipped;

  /**
   * What a procedure running on a model budgets.
   *
   * @param file       the model's file name, for messages
   * @param steps      the steps outside stages, the called processes' included
   * @param stageSteps the steps of each stage; empty for a model without stages
   */
  public record Model(String key, String file, Set<String> steps, Set<String> stageSteps) {

    public boolean hasStages() {
      return !stageSteps.isEmpty();
    }
  }

  private final Map<String, Model> models;

  private ProcessModels(Map<String, Model> models) {
    this.models = Map.copyOf(models);
  }

  /** The models on the classpath, read once. */
  public static ProcessModels shipped() {
    ProcessModels read = shipped;
    if (read == null) {
      synchronized (ProcessModels.class) {
        if (shipped == null) {
          shipped = read(LOCATION);
        }
        read = shipped;
      }
    }
    return read;
  }

  public Optional<Model> model(String processKey) {
    return Optional.ofNullable(models.get(processKey));
  }

  public Set<String> keys() {
    return new TreeSet<>(models.keySet());
  }

  static ProcessModels read(String location) {
    Map<String, Raw> raw = new HashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
        try (InputStream in = resource.getInputStream()) {
          parse(resource.getFilename(), in, raw);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the BPMN models at " + location, e);
    }
    Map<String, Model> models = new HashMap<>();
    raw.forEach((key, r) -> {
      Set<String> steps = new LinkedHashSet<>();
      Set<String> stageSteps = new LinkedHashSet<>();
      collect(key, raw, steps, stageSteps, new HashSet<>());
      models.put(key, new Model(key, r.file, Set.copyOf(steps), Set.copyOf(stageSteps)));
    });
    return new ProcessModels(models);
  }

  /** One process as written: its own steps and the processes it calls. */
  private record Raw(String file, List<String> steps, List<String> stageSteps, List<String> calls) {
  }

  private static void collect(String key, Map<String, Raw> raw, Set<String> steps, Set<String> stageSteps,
      Set<String> visiting) {
    Raw r = raw.get(key);
    if (r == null || !visiting.add(key)) {
      return;
    }
    steps.addAll(r.steps);
    stageSteps.addAll(r.stageSteps);
    r.calls.forEach(called -> collect(called, raw, steps, stageSteps, visiting));
    visiting.remove(key);
  }

  private static void parse(String file, InputStream in, Map<String, Raw> raw) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var processes = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(BPMN, "process");
      for (int i = 0; i < processes.getLength(); i++) {
        Element process = (Element) processes.item(i);
        Raw r = new Raw(file, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        walk(process, false, false, r);
        raw.put(process.getAttribute("id"), r);
      }
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("bpmn/" + file + ": not a readable BPMN file: " + e.getMessage(), e);
    }
  }

  private static void walk(Element element, boolean inStage, boolean inOtherLoop, Raw r) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element child) || !BPMN.equals(child.getNamespaceURI())) {
        continue;
      }
      boolean stage = inStage || ProcessContract.Stages.SCOPE.equals(child.getAttribute("id"));
      boolean otherLoop = inOtherLoop || (!stage && isMultiInstance(child));
      switch (child.getLocalName()) {
        case "userTask" -> {
          Matcher budget = BUDGET.matcher(child.getAttributeNS(CAMUNDA, "dueDate"));
          if (budget.matches() && !otherLoop) {
            (stage ? r.stageSteps : r.steps).add(budget.group(1));
          }
        }
        case "callActivity" -> {
          if (!otherLoop) {
            r.calls.add(child.getAttribute("calledElement"));
          }
        }
        default -> walk(child, stage, otherLoop, r);
      }
    }
  }

  private static boolean isMultiInstance(Element element) {
    return firstChild(element, "multiInstanceLoopCharacteristics") != null;
  }

  private static Element firstChild(Element element, String localName) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && BPMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }
}
