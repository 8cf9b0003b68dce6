package org.motcua.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.motcua.dossier.Channel;
import org.motcua.process.ProcessContract.Decisions;
import org.motcua.process.ProcessContract.Messages;
import org.motcua.process.ProcessContract.Outcomes;
import org.motcua.process.ProcessContract.Parts;
import org.motcua.process.ProcessContract.Tasks;
import org.motcua.process.ProcessContract.Timer;
import org.motcua.process.ProcessContract.Timers;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.security.Role;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * {@link ProcessContract} against every BPMN model in {@code bpmn/}, parsed with Camunda's model API: renaming a
 * message, task, timer, variable, decision, milestone, called shared part or outcome on one side only fails here,
 * before any dossier gets stuck at run time. Both ways: every name a model uses is the contract's, and every name of
 * the contract is used by a model.
 * Plain JUnit, no engine and no Spring: it reads the files as they are shipped.
 */
class ProcessContractTest {

  /** {@code ${…}} and {@code #{…}}: every expression the engine evaluates, wherever it sits in the model. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  /** A name the expression reads: not a member after a dot, not part of a longer word. */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  /** What the engine itself offers to expressions, besides process variables and beans. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");
  private static final Pattern DECISION_WORD = Pattern.compile(
      "\\b" + Variables.DECISION + "\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'");
  private static final Pattern CHANNEL_CODE = Pattern.compile(
      "\\b" + Variables.CHANNEL + "\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*(\\d+)");
  private static final Pattern MILESTONE_CALL = Pattern.compile(
      "\\b" + ProcessContract.MILESTONE_LISTENER + "\\.reached\\(\\s*execution\\s*,\\s*'([^']*)'\\s*\\)");
  private static final Pattern CANDIDATE_GROUP = Pattern.compile(
      "([A-Z_]+)@\\$\\{" + Variables.AGENCY_CODE + "}");

  /** How a shared part ends: {@code ${execution.setVariable('intakeOutcome', 'received')}}. */
  private static final Pattern OUTCOME_SET = Pattern.compile(
      "\\bexecution\\.setVariable\\(\\s*'([^']*)'\\s*,\\s*'([^']*)'\\s*\\)");
  /** How a caller's gateway reads it: {@code ${intakeOutcome == 'received'}}. */
  private static final Pattern OUTCOME_COMPARED = Pattern.compile(
      "\\b(\\w+Outcome)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'");
  private static final Set<String> OUTCOME_VARIABLES = Set.of(Variables.PAYMENT_OUTCOME, Variables.INTAKE_OUTCOME,
      Variables.RESULT_OUTCOME);

  private static Map<Path, BpmnModelInstance> models;

  @BeforeAll
  static void readModels() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      models = new TreeMap<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          models.put(file, Bpmn.readModelFromStream(in));
        }
      }
    }
    assertThat(models).as("BPMN models in bpmn/").isNotEmpty();
  }

  @Test
  void theStandardProcessAndEveryProcessTheCatalogNamesAreModelled() throws IOException {
    Set<String> processes = elements(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
        .map(BaseElement::getId).collect(Collectors.toSet());
    assertThat(processes).contains(ProcessContract.STANDARD_PROCESS, ProcessContract.CONSULTATION_PROCESS)
        .containsAll(Parts.ALL);
    JsonNode catalog = new ObjectMapper(new YAMLFactory()).readTree(Path.of("config/procedures.yml").toFile());
    Set<String> named = new TreeSet<>();
    catalog.path("procedures").forEach(p -> {
      named.add(p.path("process").asText());
      p.path("cases").forEach(c -> {
        if (c.has("process")) {
          named.add(c.path("process").asText());
        }
      });
    });
    assertThat(processes).contains(ProcessContract.CHAIN_PROCESS);
    assertThat(named).as("processes named in config/procedures.yml").isNotEmpty().isSubsetOf(processes);
  }

  /**
   * A chain model runs its stage scope once per stage, in turn, and the stage listener gives the count, sets each
   * stage's variables on entering it and records its end; the stage's steps are due after the catalogue's budgets.
   */
  @Test
  void everyStageScopeLoopsOverTheCataloguesStagesThroughTheStageListener() {
    List<SubProcess> stages = elements(SubProcess.class).stream()
        .filter(scope -> ProcessContract.Stages.SCOPE.equals(scope.getId())).toList();
    assertThat(stages).as("stage scopes").isNotEmpty();
    String listener = ProcessContract.Stages.LISTENER;
    for (SubProcess stage : stages) {
      MultiInstanceLoopCharacteristics loop = (MultiInstanceLoopCharacteristics) stage.getLoopCharacteristics();
      assertThat(loop.isSequential()).as("stages run one after the other").isTrue();
      assertThat(loop.getLoopCardinality().getTextContent().trim()).isEqualTo("${" + listener + ".count(execution)}");
      Set<String> listeners = stage.getExtensionElements().getElementsQuery()
          .filterByType(CamundaExecutionListener.class).list().stream()
          .map(l -> l.getCamundaEvent() + " " + l.getCamundaExpression()).collect(Collectors.toSet());
      assertThat(listeners).containsExactlyInAnyOrder("start ${" + listener + ".enter(execution)}",
          "end ${" + listener + ".leave(execution)}");
      Set<String> stageTasks = stage.getChildElementsByType(UserTask.class).stream().map(UserTask::getId)
          .collect(Collectors.toSet());
      assertThat(stageTasks).containsAll(Tasks.STAGE_BUDGETED);
      stage.getChildElementsByType(UserTask.class).forEach(task -> assertThat(task.getCamundaDueDate())
          .as("due date of %s", task.getId()).isEqualTo("${" + Variables.budget(task.getId()) + "}"));
    }
  }

  @Test
  void theMessagesJavaSendsAreExactlyTheModelsMessages() {
    Set<String> modelled = elements(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
    assertThat(modelled).as("messages of the models").isEqualTo(Messages.ALL);
  }

  @Test
  void everyTaskJavaNamesIsAUserTaskOfferedToARoleOfTheAgency() {
    Map<String, UserTask> tasks = elements(UserTask.class).stream()
        .collect(Collectors.toMap(UserTask::getId, t -> t, (a, b) -> a));
    assertThat(tasks.keySet()).as("user tasks of the models").isEqualTo(Tasks.ALL);
    Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
    tasks.values().forEach(task -> {
      Matcher group = CANDIDATE_GROUP.matcher(String.valueOf(task.getCamundaCandidateGroups()));
      assertThat(group.matches()).as("candidate group of %s is ROLE@${agencyCode}", task.getId()).isTrue();
      assertThat(roles).as("role of %s", task.getId()).contains(group.group(1));
    });
    // Each budgeted step's task is due after the budget the catalog gives it (procedures.yml, steps).
    Stream.concat(Tasks.BUDGETED.stream(), Stream.of(Tasks.CONSULTATION, Tasks.FIELD_VERIFICATION))
        .forEach(task -> assertThat(tasks.get(task).getCamundaDueDate()).as("due date of %s", task)
            .isEqualTo("${" + Variables.budget(task) + "}"));
    assertThat(Variables.budget(Tasks.CONSULTATION)).isEqualTo(Variables.CONSULTATION_BUDGET);
    assertThat(Variables.budget(Tasks.FIELD_VERIFICATION)).isEqualTo(Variables.FIELD_VERIFICATION_BUDGET);
  }

  @Test
  void everyTimerJavaMovesWaitsForTheVariableJavaSetsWithIt() {
    Map<String, String> timeDates = elements(TimerEventDefinition.class).stream()
        .filter(timer -> timer.getTimeDate() != null)
        .collect(Collectors.toMap(timer -> ((BaseElement) timer.getParentElement()).getId(),
            timer -> timer.getTimeDate().getTextContent().trim(), (a, b) -> a));
    for (Timer timer : Timers.ALL) {
      assertThat(timeDates).as("timer event %s", timer.eventId())
          .containsEntry(timer.eventId(), "${" + timer.waitsFor() + "}");
    }
    assertThat(Variables.ALL).containsAll(Timers.ALL.stream().map(Timer::waitsFor).toList());
  }

  @Test
  void everyVariableTheModelsReadIsDeclaredAndEveryDeclaredOneIsRead() {
    Set<String> read = new TreeSet<>();
    expressions().forEach(expression -> read.addAll(namesReadBy(expression)));
    Set<String> known = new HashSet<>(Variables.ALL);
    known.add(ProcessContract.MILESTONE_LISTENER);
    known.add(ProcessContract.Stages.LISTENER);
    known.add(ProcessContract.ROUTES);
    known.addAll(ENGINE_NAMES);
    assertThat(read).as("names read by the models' expressions").isSubsetOf(known);
    assertThat(read).as("declared variables the models read").containsAll(Variables.ALL);
  }

  @Test
  void everyDecisionWordIsTheContractsAndLabelled() {
    Set<String> offered = new TreeSet<>();
    elements(UserTask.class).forEach(task -> offered.addAll(decisionsOffered(task)));
    Set<String> compared = new TreeSet<>();
    elements(SequenceFlow.class).stream().map(SequenceFlow::getConditionExpression).filter(c -> c != null)
        .map(ConditionExpression::getTextContent)
        .forEach(condition -> all(DECISION_WORD, condition).forEach(compared::add));
    assertThat(compared).as("decisions compared by gateway conditions").isNotEmpty().isSubsetOf(Decisions.ALL);
    assertThat(offered).as("decisions offered by the tasks").isEqualTo(Decisions.ALL);
    assertThat(offered).as("every compared decision is offered by a task").containsAll(compared);
    for (String bundle : List.of("messages_vi.properties", "messages_en.properties")) {
      Properties labels = properties(bundle);
      Decisions.ALL.forEach(word -> assertThat(labels).as("%s labels '%s'", bundle, word)
          .containsKeys("decision." + word, "web.decision." + word));
    }
  }

  @Test
  void everyMilestoneTheModelsReportIsOneTheDossierKnows() {
    Set<String> reported = new TreeSet<>();
    expressions().forEach(expression -> all(MILESTONE_CALL, expression).forEach(reported::add));
    Set<String> milestones = Arrays.stream(Milestone.values()).map(Milestone::name).collect(Collectors.toSet());
    assertThat(reported).as("milestones reported by the models").isEqualTo(milestones);
  }

  @Test
  void theChannelTheModelsRouteOnIsANationalChannelCode() {
    Set<Integer> codes = Arrays.stream(Channel.values()).map(Channel::code).collect(Collectors.toSet());
    Set<Integer> compared = new TreeSet<>();
    expressions().forEach(expression -> all(CHANNEL_CODE, expression).forEach(c -> compared.add(Integer.valueOf(c))));
    assertThat(compared).as("channel codes in the models").isNotEmpty().isSubsetOf(codes)
        .contains(Channel.ONLINE.code());
  }

  /**
   * Every call activity calls a shared part the contract names, passing the dossier code as business key (messages
   * and the task list find the called instance by it) and every variable both ways; every shared part is called.
   */
  @Test
  void everyCallActivityCallsASharedPartWithTheDossierAndItsVariables() {
    List<CallActivity> calls = elements(CallActivity.class);
    Set<String> called = calls.stream().map(CallActivity::getCalledElement).collect(Collectors.toSet());
    assertThat(called).as("processes called by the models").isEqualTo(Parts.ALL);
    for (CallActivity call : calls) {
      assertThat(call.getExtensionElements()).as("mappings of %s", call.getId()).isNotNull();
      List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
      List<CamundaOut> outs = call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list();
      assertThat(ins).as("in mappings of %s", call.getId())
          .anySatisfy(in -> assertThat(in.getCamundaBusinessKey()).isEqualTo("#{execution.processBusinessKey}"))
          .anySatisfy(in -> assertThat(in.getCamundaVariables()).isEqualTo("all"));
      assertThat(outs).as("out mappings of %s", call.getId())
          .anySatisfy(out -> assertThat(out.getCamundaVariables()).isEqualTo("all"));
    }
  }

  /**
   * The shared parts end by setting an outcome variable to one of the contract's {@link Outcomes}; the callers'
   * gateways compare the same variables with the same words. Every outcome is both set and compared.
   */
  @Test
  void everyOutcomeASharedPartEndsWithIsTheContractsAndIsReadByACaller() {
    Map<String, Set<String>> set = new TreeMap<>();
    Map<String, Set<String>> compared = new TreeMap<>();
    for (String expression : expressions()) {
      Matcher m = OUTCOME_SET.matcher(expression);
      while (m.find()) {
        set.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
      m = OUTCOME_COMPARED.matcher(expression);
      while (m.find()) {
        compared.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    assertThat(set.keySet()).as("variables the models set themselves").isEqualTo(OUTCOME_VARIABLES);
    assertThat(compared).as("outcomes compared by the callers' gateways").isEqualTo(set);
    Set<String> values = new TreeSet<>();
    set.values().forEach(values::addAll);
    assertThat(values).as("outcome values").isEqualTo(Outcomes.ALL);
  }

  /**
   * Every process has a history time to live, and every step, gateway and event a name (the clerks' Vietnamese),
   * and a place in the diagram, so that each model opens as a readable map in the Camunda Modeler.
   */
  @Test
  void everyModelIsNamedLivesAndIsDrawn() {
    models.forEach((file, model) -> {
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).forEach(process -> {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s: historyTimeToLive", file).isNotBlank();
        assertThat(process.getName()).as("%s: name of %s", file, process.getId()).isNotBlank();
      });
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      model.getModelElementsByType(FlowNode.class).forEach(node -> {
        assertThat(node.getName()).as("%s: name of %s", file, node.getId()).isNotBlank();
        assertThat(drawn).as("%s: %s is drawn", file, node.getId()).contains(node.getId());
      });
      model.getModelElementsByType(SequenceFlow.class).forEach(flow ->
          assertThat(drawn).as("%s: flow %s is drawn", file, flow.getId()).contains(flow.getId()));
    });
  }

  /** A constant added to the contract but left out of its {@code ALL} would escape every check above. */
  @Test
  void everyConstantOfTheContractIsInItsList() {
    assertThat(constants(Tasks.class)).isEqualTo(Tasks.ALL);
    assertThat(constants(Messages.class)).isEqualTo(Messages.ALL);
    assertThat(constants(Decisions.class)).isEqualTo(Decisions.ALL);
    assertThat(constants(Parts.class)).isEqualTo(Parts.ALL);
    assertThat(constants(Outcomes.class)).isEqualTo(Outcomes.ALL);
    assertThat(Variables.ALL).containsAll(constants(Variables.class));
    assertThat(Variables.ALL).hasSize(constants(Variables.class).size() + Tasks.BUDGETED.size()
        + Tasks.STAGE_BUDGETED.size());
    assertThat(Tasks.ALL).containsAll(Tasks.BUDGETED).containsAll(Tasks.STAGE_BUDGETED);
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<T> elements(Class<T> type) {
    List<T> found = new ArrayList<>();
    models.values().forEach(model -> found.addAll(model.getModelElementsByType(type)));
    return found;
  }

  /** The inside of every expression in every attribute and text of the models (comments are not text). */
  private static List<String> expressions() {
    List<String> found = new ArrayList<>();
    models.values().forEach(model -> collect(model.getDocument().getDomSource().getNode(), found));
    assertThat(found).as("expressions in the models").isNotEmpty();
    return found;
  }

  private static void collect(Node node, List<String> found) {
    if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      all(EXPRESSION, node.getNodeValue()).forEach(found::add);
    }
    NamedNodeMap attributes = node.getAttributes();
    for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
      all(EXPRESSION, ((Attr) attributes.item(i)).getValue()).forEach(found::add);
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      collect(child, found);
    }
  }

  private static Set<String> namesReadBy(String expression) {
    Set<String> names = new HashSet<>();
    Matcher m = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
    while (m.find()) {
      if (!EL_KEYWORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static List<String> decisionsOffered(UserTask task) {
    if (task.getExtensionElements() == null) {
      return List.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(props -> props.getCamundaProperties().stream())
        .filter(p -> ProcessContract.DECISIONS_PROPERTY.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static Set<String> constants(Class<?> holder) {
    Set<String> values = new HashSet<>();
    for (Field field : holder.getDeclaredFields()) {
      int mod = field.getModifiers();
      if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  private static Properties properties(String name) {
    Properties properties = new Properties();
    try (InputStream in = ProcessContractTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
