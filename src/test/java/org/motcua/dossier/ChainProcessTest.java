package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
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
 * Every path of {@code bpmn/dossier-chain.bpmn} on the real engine inside the application, driven with
 * camunda-bpm-assert: three agencies in turn, a stage refused by the second agency, a withdrawal in the middle of the
 * chain, a supplement asked by a stage and a stage sent back to its specialist, a stage ending with a notice of
 * financial obligation the applicant pays, the receiving agency's due-soon review and overdue mark during a stage, and
 * a dossier refused at reception. Tuesday 2 June 2026, a week without holidays.
 */
@MotcuaTest
class ChainProcessTest {

  private static final String BIRTH_CHAIN = "9.900001.000.01.21.H13";
  private static final String LAND = "1.013831.000.00.16.H13";
  private static final String WARD = "000.01.21.H13";
  private static final String POLICE = "000.01.41.H13";
  private static final String SOCIAL_INSURANCE = "000.00.42.H13";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReceiveOnline online;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  ProvideSupplement supplement;
  @Autowired
  FulfilObligation obligation;
  @Autowired
  DossierLookup dossiers;
  @Autowired
  FollowDossier follow;
  @Autowired
  UserAccounts accounts;
  @Autowired
  TestClock clock;

  private MotcuaUser citizen;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    citizen = accounts.find("citizen").orElseThrow();
    clock.set(LocalDateTime.of(2026, 6, 2, 8, 0));
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    AbstractAssertions.reset();
  }

  @Test
  void theDossierPassesThroughEachAgencyInTurnAndIsReturnedByTheFirst() {
    ProcessInstance instance = received(BIRTH_CHAIN, null);
    for (String agency : new String[] {WARD, POLICE, SOCIAL_INSURANCE}) {
      assertThat(instance).isWaitingAt("stageReception");
      assertThat(task()).hasCandidateGroup("CLERK@" + agency);
      assertThat(dossier(instance).getStageAgencyCode()).isEqualTo(agency);
      complete(task(), withVariables("decision", "take_over"));
      assertThat(task()).hasDefinitionKey("stageAppraisal").hasCandidateGroup("SPECIALIST@" + agency);
      complete(task(), withVariables("decision", "forward"));
      assertThat(task()).hasDefinitionKey("stageApproval").hasCandidateGroup("LEADER@" + agency);
      complete(task(), withVariables("decision", "approve"));
    }
    assertThat(instance).hasPassed("stageDone", "handlingDone", "finished").isWaitingAt("resultDelivery");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.FINISHED);
    assertThat(dossier(instance).reachedAgency(POLICE)).isTrue();
    ProcessInstance result = called(instance, Parts.RESULT);
    assertThat(result).isWaitingAt("resultReturn");
    assertThat(task()).hasCandidateGroup("CLERK@" + WARD); // the receiving one-stop shop returns the result
    complete(task(), withVariables("decision", "return"));
    assertThat(instance).isEnded();
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.RETURNED);
    assertThat(count(dossier(instance), DossierAction.STAGE_COMPLETED)).isEqualTo(3);
  }

  @Test
  void aStageRefusedByTheSecondAgencyStopsTheChain() {
    ProcessInstance instance = received(BIRTH_CHAIN, null);
    passStage();
    assertThat(task()).hasCandidateGroup("CLERK@" + POLICE);
    complete(task(), withVariables("decision", "take_over"));
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "refuse"));
    assertThat(instance).hasPassed("stageRefusedEnd", "refused", "closed").hasNotPassed("finished").isEnded();
    Dossier refused = dossier(instance);
    assertThat(refused.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(count(refused, DossierAction.STAGE_STARTED)).as("the third agency never got it").isEqualTo(2);
    assertThat(refused.reachedAgency(SOCIAL_INSURANCE)).isFalse();
  }

  @Test
  void aWithdrawalInTheMiddleOfTheChainEndsIt() {
    ProcessInstance instance = received(BIRTH_CHAIN, null);
    passStage();
    complete(task(), withVariables("decision", "take_over"));
    assertThat(instance).isWaitingAt("stageAppraisal");
    withdrawal.request(citizen, instance.getBusinessKey(), "Gia đình chuyển nơi cư trú");
    assertThat(instance).isWaitingAt("stageAppraisal", "withdrawalReview");
    assertThat(task("withdrawalReview")).hasCandidateGroup("CLERK@" + WARD);
    complete(task("withdrawalReview"), withVariables("decision", "confirm"));
    assertThat(instance).hasPassed("withdrawn").isEnded();
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .count()).isZero();
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(dossier(instance).getStopReason()).isEqualTo("WITHDRAWN");
  }

  @Test
  void aStageMayAskForASupplementAndSendItsAppraisalBack() {
    ProcessInstance instance = received(BIRTH_CHAIN, null);
    passStage();
    complete(task(), withVariables("decision", "take_over"));
    clock.set(LocalDateTime.of(2026, 6, 2, 14, 0));
    complete(task(), withVariables("decision", "supplement"));
    assertThat(instance).isWaitingAt("stageSupplementProvided");
    assertThat(dossier(instance).isPaused()).isTrue();
    clock.set(LocalDateTime.of(2026, 6, 3, 14, 0)); // one working day later
    supplement.provide(citizen, instance.getBusinessKey(), "Bổ sung sổ hộ khẩu điện tử");
    assertThat(instance).isWaitingAt("stageAppraisal");
    assertThat(task()).hasCandidateGroup("SPECIALIST@" + POLICE);
    assertThat(dossier(instance).getDueAt()).as("5 June 08:00 + 8 working hours paused")
        .isEqualTo(LocalDateTime.of(2026, 6, 8, 8, 0));
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "rework"));
    assertThat(instance).isWaitingAt("stageAppraisal");
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
    assertThat(task()).hasDefinitionKey("stageReception").hasCandidateGroup("CLERK@" + SOCIAL_INSURANCE);
  }

  @Test
  void aStageEndingWithATaxNoticeWaitsForTheApplicantToPayIt() {
    ProcessInstance instance = received(LAND, "CO_NGHIA_VU");
    assertThat(instance).hasPassed("intake").isWaitingAt("stageReception");
    passStage();
    passStage();
    assertThat(instance).hasPassed("obligationNotified").isWaitingAt("obligationFulfilled");
    assertThat(dossier(instance).awaitsObligation()).isTrue();
    obligation.fulfil(citizen, instance.getBusinessKey(), "Chứng từ nộp thuế số 0012345");
    assertThat(instance).hasPassed("obligationFulfilled").isWaitingAt("stageReception");
    assertThat(task()).hasCandidateGroup("CLERK@000.20.16.H13");
    passStage();
    assertThat(instance).hasPassed("finished").isWaitingAt("resultDelivery");
  }

  /**
   * The appointment is the receiving agency's to watch while other agencies handle their stages: a working day before
   * it the receiving clerk reviews the dossier (on track, or an apology), at it the dossier is marked overdue.
   */
  @Test
  void theReceivingAgencyWatchesTheAppointmentWhileAnotherAgencyHandlesItsStage() {
    ProcessInstance instance = received(BIRTH_CHAIN, null);
    passStage();
    // Received Tuesday 2 June 08:00, 3 working days: due Friday 5 June 08:00, warned Thursday 08:00.
    assertThat(job("dueSoonStart").getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 6, 4, 8, 0)));
    assertThat(job("overdueTimer").getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 6, 5, 8, 0)));
    clock.set(LocalDateTime.of(2026, 6, 4, 8, 0));
    execute(job("dueSoonStart"));
    assertThat(instance).isWaitingAt("stageReception", "delayReview");
    assertThat(task("delayReview")).hasCandidateGroup("CLERK@" + WARD);
    assertThat(task("stageReception")).hasCandidateGroup("CLERK@" + POLICE);
    complete(task("delayReview"), withVariables("decision", "on_track"));
    clock.set(LocalDateTime.of(2026, 6, 5, 8, 0));
    execute(job("overdueTimer"));
    assertThat(instance).hasPassed("overdueNoted").isWaitingAt("stageReception");
    assertThat(dossier(instance).isOverdue()).isTrue();
  }

  @Test
  void aDossierNotReceivedNeverReachesAStage() {
    Dossier dossier = online.submit(citizen, new DossierRequests.SubmitDossier(BIRTH_CHAIN,
        new DossierRequests.ApplicantInput("Nguyễn Văn An", "093085000123", "0912345678", null, null)));
    ProcessInstance instance = chainOf(dossier.getCode());
    called(instance, Parts.INTAKE);
    complete(task(), withVariables("decision", "refuse"));
    assertThat(instance).hasPassed("notReceivedEnd").hasNotPassed("handling", "finished").isEnded();
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.NOT_RECEIVED);
    assertThat(dossier(instance).getStageNumber()).isNull();
  }

  private static ProcessInstance chainOf(String dossierCode) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(dossierCode)
        .processDefinitionKey(ProcessContract.CHAIN_PROCESS).singleResult();
  }

  private static java.util.Date date(LocalDateTime time) {
    return java.util.Date.from(time.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
  }

  /** Submitted online and received by the receiving agency's clerk: the chain's first stage waits. */
  private ProcessInstance received(String procedure, String caseCode) {
    Dossier dossier = online.submit(citizen, new DossierRequests.SubmitDossier(procedure,
        new DossierRequests.ApplicantInput("Nguyễn Văn An", "093085000123", "0912345678", null, null),
        null, null, caseCode));
    ProcessInstance instance = chainOf(dossier.getCode());
    assertThat(instance).isWaitingAt("intake");
    called(instance, Parts.INTAKE);
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("stageReception");
    return instance;
  }

  /** The current stage's clerk, specialist and leader each do their part. */
  private static void passStage() {
    complete(task(), withVariables("decision", "take_over"));
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
  }

  private static ProcessInstance called(ProcessInstance caller, String part) {
    ProcessInstance called = assertThat(caller).calledProcessInstance(part).isNotNull().getActual();
    assertThat(called.getBusinessKey()).isEqualTo(caller.getBusinessKey());
    assertThat(called).isStarted();
    return called;
  }

  private Dossier dossier(ProcessInstance instance) {
    return dossiers.find(instance.getBusinessKey());
  }

  /** How many lines of the history record {@code action} (read as the applicant follows the dossier). */
  private long count(Dossier dossier, DossierAction action) {
    return follow.read(citizen, dossier.getCode()).getHistory().stream().filter(e -> e.getAction() == action).count();
  }
}
