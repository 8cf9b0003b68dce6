package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.TestProcedures;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessContract.Parts;
import org.motcua.process.ProcessContract.Tasks;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.security.MotcuaUser;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.security.UserAccounts;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every path of {@code bpmn/dossier-consultation.bpmn} on the real engine inside the application, with
 * camunda-bpm-assert: the Department of Construction's specialist asks two departments for their opinion at once
 * (each its own task, candidate group and budget in working hours, from the case's {@code consultations}), both
 * answer; one does not answer in time and handling goes on without it (a history line names it); the applicant
 * withdraws while the consultations are open; and the specialist verifies on site within its own budget.
 *
 * <p>The catalogue ships no procedure on this model yet, so the test publishes one, parsed by the catalogue's own
 * loader from a {@code procedures.yml} entry; the context is thrown away afterwards so no other test sees it.
 * Dates are in March 2026; 8 working hours a day, Monday to Friday.
 */
@MotcuaTest
@DirtiesContext
class ConsultationProcessTest {

  private static final String CODE = "DEMO.XYK.000.00.15.H13";
  private static final String CONSTRUCTION = "000.00.15.H13";
  private static final String AGRICULTURE = "000.00.16.H13";
  private static final String FINANCE = "000.00.19.H13";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String ENTRY = """
      code: DEMO.XYK.000.00.15.H13
      nationalCode: DEMO.XYK
      name: "[DEMO] Thẩm định hồ sơ có lấy ý kiến cơ quan liên quan"
      field: Quy hoạch xây dựng, kiến trúc
      level: PROVINCE
      agency: 000.00.15.H13
      duration: {value: 20, unit: WORKING_DAYS}
      onlineLevel: PARTIAL
      legalBasis: Mục minh họa mô hình quy trình xin ý kiến
      process: dossier-consultation
      components:
        - {code: TO_TRINH, name: "Tờ trình đề nghị thẩm định"}
      steps:
        - {task: reception, workingHours: 8}
        - {task: appraisal, workingHours: 112}
        - {task: fieldVerification, workingHours: 16}
        - {task: approval, workingHours: 16}
        - {task: resultReturn, workingHours: 8}
      consultations:
        - {agency: 000.00.16.H13, hours: 40}
        - {agency: 000.00.19.H13, hours: 24}
      """;

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReceiveOnline online;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  DossierLookup dossiers;
  @Autowired
  UserAccounts accounts;
  @Autowired
  TestClock clock;
  @Autowired
  Catalog catalog;
  @Autowired
  DossierProcess process;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Api api;

  private MotcuaUser citizen;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    citizen = accounts.find("citizen").orElseThrow();
    clock.set(LocalDateTime.of(2026, 3, 2, 8, 0));
    if (catalog.procedure(CODE).isEmpty()) {
      LocalDate today = LocalDate.of(2026, 3, 2);
      catalog.publish(List.of(TestProcedures.parse(catalog, ENTRY, today)), Set.of(), today);
    }
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    AbstractAssertions.reset();
  }

  /** Submitted online, received at 09:00 on Monday 2 March, waiting for the specialist's appraisal. */
  private ProcessInstance receivedAndAppraised() {
    Dossier dossier = online.submit(citizen, new DossierRequests.SubmitDossier(CODE,
        new DossierRequests.ApplicantInput("Trần Thị Bình", "093085000456", "0912345679", null, null)));
    ProcessInstance instance = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(dossier.getCode())
        .processDefinitionKey(ProcessContract.CONSULTATION_PROCESS).singleResult();
    assertThat(instance).isWaitingAt("intake");
    ProcessInstance intake = assertThat(instance).calledProcessInstance(Parts.INTAKE).getActual();
    assertThat(intake).isWaitingAt("reception");
    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    assertThat(task()).hasCandidateGroup("SPECIALIST@" + CONSTRUCTION);
    return instance;
  }

  /** The specialist asks for the opinions at 10:00: one task per consulted agency, all at once. */
  private Map<String, Task> consult(ProcessInstance instance) {
    clock.set(LocalDateTime.of(2026, 3, 2, 10, 0));
    complete(task(), withVariables("decision", "consult"));
    assertThat(instance).hasPassed("appraisalDecision").isWaitingAt("consultation");
    List<Task> tasks = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.CONSULTATION).list();
    assertThat(tasks).hasSize(2);
    Map<String, Task> byAgency = new java.util.HashMap<>();
    for (Task task : tasks) {
      String agency = (String) runtimeService().getVariable(task.getExecutionId(), Variables.AGENCY_CODE);
      assertThat(task).hasCandidateGroup("SPECIALIST@" + agency);
      byAgency.put(agency, task);
    }
    assertThat(byAgency).containsOnlyKeys(AGRICULTURE, FINANCE);
    return byAgency;
  }

  @Test
  void theConsultedAgenciesAnswerInParallelThenTheSpecialistDecides() {
    ProcessInstance instance = receivedAndAppraised();
    Map<String, Task> tasks = consult(instance);
    // Each within its own budget in working time: 40 h from Monday 10:00 is Monday 9 March 10:00, 24 h Thursday 5th.
    assertThat(tasks.get(AGRICULTURE).getDueDate()).isEqualTo(date(LocalDateTime.of(2026, 3, 9, 10, 0)));
    assertThat(tasks.get(FINANCE).getDueDate()).isEqualTo(date(LocalDateTime.of(2026, 3, 5, 10, 0)));
    assertThat(runtimeService().getVariable(tasks.get(AGRICULTURE).getExecutionId(), Variables.CONSULTATION_BUDGET))
        .isEqualTo("PT40H");
    assertThat(runtimeService().getVariable(tasks.get(FINANCE).getExecutionId(), Variables.CONSULTATION_BUDGET))
        .isEqualTo("PT24H");
    assertThat(deadlines(instance)).extracting(Job::getDuedate).containsExactlyInAnyOrder(
        date(LocalDateTime.of(2026, 3, 9, 10, 0)), date(LocalDateTime.of(2026, 3, 5, 10, 0)));
    // The dossier's own clock goes on meanwhile: its due and warning timers are still there.
    assertThat(job("overdueTimer")).isNotNull();
    // The dossier's own agency keeps the dossier: the agency variable of the process is unchanged.
    assertThat(instance).variables().containsEntry(Variables.AGENCY_CODE, CONSTRUCTION);

    complete(tasks.get(FINANCE), withVariables("decision", "answer"));
    assertThat(instance).isWaitingAt("consultation");
    complete(tasks.get(AGRICULTURE), withVariables("decision", "answer"));
    assertThat(instance).hasPassed("consultationAnswered").hasNotPassed("consultationTimedOut")
        .isWaitingAt("appraisal");
    assertThat(task()).hasCandidateGroup("SPECIALIST@" + CONSTRUCTION);
    assertThat(timedOut(instance.getBusinessKey())).isEmpty();

    complete(task(), withVariables("decision", "forward"));
    assertThat(task()).hasCandidateGroup("LEADER@" + CONSTRUCTION);
    complete(task(), withVariables("decision", "approve"));
    assertThat(instance).hasPassed("finished").isWaitingAt("resultDelivery");
    ProcessInstance result = assertThat(instance).calledProcessInstance(Parts.RESULT).getActual();
    assertThat(result).isWaitingAt("resultReturn");
    complete(task(), withVariables("decision", "return"));
    assertThat(instance).hasPassed("returnedEnd").isEnded();
    assertThat(dossiers.find(instance.getBusinessKey()).getStatus()).isEqualTo(DossierStatus.RETURNED);
  }

  @Test
  void aConsultationThatTimesOutIsGoneOnWithoutAndNamedInTheHistory() {
    ProcessInstance instance = receivedAndAppraised();
    Map<String, Task> tasks = consult(instance);
    complete(tasks.get(FINANCE), withVariables("decision", "answer"));

    clock.set(LocalDateTime.of(2026, 3, 9, 10, 0));
    List<Job> left = deadlines(instance);
    assertThat(left).singleElement().extracting(Job::getDuedate)
        .isEqualTo(date(LocalDateTime.of(2026, 3, 9, 10, 0)));
    execute(left.get(0));
    assertThat(instance).hasPassed("consultationAnswered", "consultationDeadline", "consultationTimedOut",
        "consultationSkipped").isWaitingAt("appraisal");
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.CONSULTATION).count())
        .isZero();
    assertThat(timedOut(instance.getBusinessKey())).containsExactly(AGRICULTURE);
    Dossier dossier = dossiers.find(instance.getBusinessKey());
    assertThat(dossier.getStatus()).isEqualTo(DossierStatus.PROCESSING);

    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
    assertThat(instance).hasPassed("finished");
  }

  @Test
  void aWithdrawalConfirmedWhileConsultationsAreOpenEndsThemAll() {
    ProcessInstance instance = receivedAndAppraised();
    consult(instance);
    clock.set(LocalDateTime.of(2026, 3, 3, 10, 0));
    withdrawal.request(citizen, instance.getBusinessKey(), "Không còn nhu cầu");
    assertThat(instance).isWaitingAt("consultation", "withdrawalReview");
    assertThat(task("withdrawalReview")).hasCandidateGroup("CLERK@" + CONSTRUCTION);
    complete(task("withdrawalReview"), withVariables("decision", "confirm"));
    assertThat(instance).hasPassed("withdrawn").hasNotPassed("consultationAnswered").isEnded();
    assertThat(taskQuery().processInstanceBusinessKey(instance.getBusinessKey()).count()).isZero();
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    Dossier stopped = dossiers.find(instance.getBusinessKey());
    assertThat(stopped.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(stopped.getStopReason()).isEqualTo("WITHDRAWN");
  }

  @Test
  void aWithdrawalRefusedWhileConsultationsAreOpenLeavesThemOpen() {
    ProcessInstance instance = receivedAndAppraised();
    Map<String, Task> tasks = consult(instance);
    withdrawal.request(citizen, instance.getBusinessKey(), "Suy nghĩ lại");
    complete(task("withdrawalReview"), withVariables("decision", "reject"));
    assertThat(instance).hasPassed("withdrawalRejected").isWaitingAt("consultation");
    complete(tasks.get(AGRICULTURE), withVariables("decision", "answer"));
    complete(tasks.get(FINANCE), withVariables("decision", "answer"));
    assertThat(instance).isWaitingAt("appraisal");
  }

  /**
   * Field verification (xác minh thực tế): the specialist verifies on site within the step's own budget, then
   * appraises again. The budget is a step budget like the others, from the catalogue's steps (16 working hours).
   */
  @Test
  void theSpecialistVerifiesOnSiteWithinItsOwnBudgetThenDecides() {
    ProcessInstance instance = receivedAndAppraised();
    clock.set(LocalDateTime.of(2026, 3, 2, 10, 0));
    complete(task(), withVariables("decision", "verify"));
    assertThat(instance).isWaitingAt("fieldVerification");
    assertThat(task()).hasCandidateGroup("SPECIALIST@" + CONSTRUCTION);
    // 16 working hours from Monday 10:00: Wednesday 4 March 10:00.
    assertThat(task().getDueDate()).isEqualTo(date(LocalDateTime.of(2026, 3, 4, 10, 0)));
    complete(task(), withVariables("decision", "verified"));
    assertThat(instance).hasPassed("fieldVerification").isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "refuse"));
    assertThat(instance).hasPassed("refused", "closed").hasNotPassed("consultations").isEnded();
    assertThat(dossiers.find(instance.getBusinessKey()).getStopReason()).isEqualTo("REFUSED");
  }

  /**
   * Through the API, as the officers would: each consulted agency's specialist finds the task in their own inbox and
   * answers with their opinion (an answer without one is refused); the opinions are on the dossier's history.
   */
  @Test
  void theConsultedAgenciesSpecialistsAnswerFromTheirOwnInboxes() {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CODE);
    flow.decide("clerk.sxd", code, "accept", null);
    flow.decide("specialist.sxd", code, "consult", null);
    JsonNode agriculture = flow.task("specialist.snnmt", code);
    assertThat(agriculture.path("name").asText()).isEqualTo("Cho ý kiến về hồ sơ");
    assertThat(agriculture.path("agencyCode").asText()).isEqualTo(AGRICULTURE);
    Api.Response empty = api.post("specialist.snnmt", "/api/tasks/" + agriculture.path("id").asText() + "/complete",
        Map.of("decision", "answer"));
    assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
    assertThat(empty.text("code")).isEqualTo("NOTE_REQUIRED");

    flow.decide("specialist.snnmt", code, "answer", "Phù hợp quy hoạch sử dụng đất");
    JsonNode after = flow.decide("specialist.stc", code, "answer", "Không có ý kiến khác");
    assertThat(after.path("history").findValuesAsText("note"))
        .contains("Phù hợp quy hoạch sử dụng đất", "Không có ý kiến khác");
    assertThat(flow.task("specialist.sxd", code).path("name").asText()).isEqualTo("Thẩm định hồ sơ");
  }

  /** The timers of the open consultations (one per agency not yet answered). */
  private static List<Job> deadlines(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("consultationDeadline").timers().list();
  }

  /** The agencies the dossier's history says did not answer in time. */
  private List<String> timedOut(String dossierCode) {
    return jdbc.queryForList("select e.note from dossier_event e join dossier d on d.id = e.dossier_id"
        + " where d.code = ? and e.action = 'CONSULTATION_TIMED_OUT' order by e.id", String.class, dossierCode);
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(VIETNAM).toInstant());
  }
}
