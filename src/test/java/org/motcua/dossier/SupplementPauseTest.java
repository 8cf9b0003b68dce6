package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessContract.Parts;
import org.motcua.security.MotcuaUser;
import org.motcua.security.UserAccounts;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nộp bổ sung through the real use case and engine: a supplement asked and answered while no working time passes
 * (after closing, over lunch, over a weekend) keeps the appointment (ngày hẹn trả) and its timer where they were.
 * A criminal-record certificate (10 working days) received in March 2026, a month without holidays.
 */
@MotcuaTest
class SupplementPauseTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReceiveOnline online;
  @Autowired
  ProvideSupplement supplement;
  @Autowired
  DossierLookup dossiers;
  @Autowired
  UserAccounts accounts;
  @Autowired
  TestClock clock;

  private MotcuaUser citizen;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    citizen = accounts.find("citizen").orElseThrow();
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    AbstractAssertions.reset();
  }

  @Test
  void askedAndAnsweredTheSameEveningAfterClosing() {
    // Received Tuesday 3 March 07:00: due Monday 16 March at closing.
    ProcessInstance instance = receivedAt(LocalDateTime.of(2026, 3, 3, 7, 0));
    assertThat(dossier(instance).getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 16, 17, 0));

    supplementRound(instance, LocalDateTime.of(2026, 3, 4, 17, 30), LocalDateTime.of(2026, 3, 4, 20, 0));

    assertDue(instance, LocalDateTime.of(2026, 3, 16, 17, 0));
  }

  @Test
  void askedAndAnsweredOverLunch() {
    // Received Monday 2 March 13:30: 3.5 h that afternoon, 9 days, 4.5 h on Monday 16 March → due at 11:30.
    ProcessInstance instance = receivedAt(LocalDateTime.of(2026, 3, 2, 13, 30));
    assertThat(dossier(instance).getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 16, 11, 30));

    supplementRound(instance, LocalDateTime.of(2026, 3, 4, 11, 45), LocalDateTime.of(2026, 3, 4, 12, 30));

    assertDue(instance, LocalDateTime.of(2026, 3, 16, 11, 30));
  }

  @Test
  void askedOnFridayEveningAndAnsweredOnSunday() {
    // Received Monday 2 March 07:00: due Friday 13 March at closing, not Monday 16 March at opening.
    ProcessInstance instance = receivedAt(LocalDateTime.of(2026, 3, 2, 7, 0));
    assertThat(dossier(instance).getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 13, 17, 0));

    supplementRound(instance, LocalDateTime.of(2026, 3, 6, 17, 15), LocalDateTime.of(2026, 3, 8, 10, 0));

    assertDue(instance, LocalDateTime.of(2026, 3, 13, 17, 0));
  }

  @Test
  void workingTimeSpentOnTheAnswerStillMovesTheAppointment() {
    // The same Friday round, answered on Monday 08:00: one working hour paused, counted on from Friday's closing.
    ProcessInstance instance = receivedAt(LocalDateTime.of(2026, 3, 2, 7, 0));

    supplementRound(instance, LocalDateTime.of(2026, 3, 6, 17, 15), LocalDateTime.of(2026, 3, 9, 8, 0));

    assertDue(instance, LocalDateTime.of(2026, 3, 16, 8, 0));
  }

  private ProcessInstance receivedAt(LocalDateTime at) {
    clock.set(at);
    Dossier submitted = online.submit(citizen, new DossierRequests.SubmitDossier(CRIMINAL_RECORD,
        new DossierRequests.ApplicantInput("Nguyễn Văn An", "093085000123", "0912345678", null, null)));
    ProcessInstance instance = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(submitted.getCode()).processDefinitionKey(ProcessContract.STANDARD_PROCESS)
        .singleResult();
    // Reception is in the shared intake the model calls.
    assertThat(instance).isWaitingAt("intake").calledProcessInstance(Parts.INTAKE).isWaitingAt("reception");
    complete(runtimeTaskOfIntake(submitted.getCode()), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    return instance;
  }

  /** The specialist asks for a supplement at one instant, the applicant answers at another. */
  private void supplementRound(ProcessInstance instance, LocalDateTime askedAt, LocalDateTime answeredAt) {
    clock.set(askedAt);
    complete(task(), withVariables("decision", "supplement"));
    assertThat(instance).isWaitingAt("supplementProvidedInHandling");
    clock.set(answeredAt);
    supplement.provide(citizen, instance.getBusinessKey(), "Đã bổ sung bản sao CCCD");
    assertThat(instance).isWaitingAt("appraisal");
  }

  private void assertDue(ProcessInstance instance, LocalDateTime due) {
    Dossier resumed = dossier(instance);
    assertThat(resumed.getStatus()).isEqualTo(DossierStatus.PROCESSING);
    assertThat(resumed.getDueAt()).isEqualTo(due);
    assertThat(job("overdueTimer").getDuedate()).isEqualTo(Date.from(due.atZone(VIETNAM).toInstant()));
  }

  private static org.camunda.bpm.engine.task.Task runtimeTaskOfIntake(String dossierCode) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery()
        .processInstanceBusinessKey(dossierCode).processDefinitionKey(Parts.INTAKE).singleResult();
  }

  private Dossier dossier(ProcessInstance instance) {
    return dossiers.find(instance.getBusinessKey());
  }
}
