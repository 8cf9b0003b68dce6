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
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessContract.Outcomes;
import org.motcua.process.ProcessContract.Parts;
import org.motcua.process.ProcessContract.Timers;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.security.MotcuaUser;
import org.motcua.security.UserAccounts;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path of {@code bpmn/dossier-standard.bpmn} and of the shared parts it calls ({@code dossier-intake},
 * {@code dossier-payment}, {@code dossier-result}) on the real engine inside the application, driven with
 * camunda-bpm-assert: acceptance to result, supplement then refusal at reception, rework then refusal by the leader,
 * the two deadline timers, the counter channel, the fee at submission and before the result (paid, or unpaid until
 * the dossier stops), and withdrawal refused or confirmed during intake and handling. The shared parts run as called
 * process instances with the dossier code as business key; each path checks the called instance as well as the
 * model's. Dossiers are checked after each milestone (same transaction as the process).
 * Dates are in March 2026, after the year 2025 whose summary the lifecycle test checks.
 */
@MotcuaTest
@RecordApplicationEvents
class StandardProcessTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReceiveOnline online;
  @Autowired
  ReceiveAtCounter counter;
  @Autowired
  ProvideSupplement supplement;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  DossierLookup dossiers;
  @Autowired
  UserAccounts accounts;
  @Autowired
  TestClock clock;
  @Autowired
  DossierPayments payments;
  @Autowired
  ApplicationEvents events;
  @Autowired
  org.motcua.process.DossierProcess process;

  private MotcuaUser citizen;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    citizen = accounts.find("citizen").orElseThrow();
    clock.set(LocalDateTime.of(2026, 3, 2, 8, 0));
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    AbstractAssertions.reset();
  }

  /** An online dossier: the model calls the intake, whose reception task waits for a clerk. */
  private ProcessInstance submit() {
    Dossier dossier = online.submit(citizen, request());
    ProcessInstance instance = model(dossier.getCode());
    assertThat(instance).isStarted().hasPassed("feeAtSubmissionGateway").isWaitingAt("intake");
    assertThat(called(instance, Parts.INTAKE)).isWaitingAt("reception");
    assertThat(task()).hasCandidateGroup("CLERK@000.00.12.H13");
    return instance;
  }

  /** The dossier's instance of its model (the shared parts it calls run as other instances with the same key). */
  private static ProcessInstance model(String dossierCode) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(dossierCode)
        .processDefinitionKey(ProcessContract.STANDARD_PROCESS).singleResult();
  }

  /**
   * The shared part {@code part} that {@code caller} is calling now, asserted to carry the dossier code as business
   * key; it becomes the instance whose tasks and jobs {@code task()} and {@code job(…)} look at.
   */
  private static ProcessInstance called(ProcessInstance caller, String part) {
    ProcessInstance called = assertThat(caller).calledProcessInstance(part).isNotNull().getActual();
    assertThat(called.getBusinessKey()).isEqualTo(caller.getBusinessKey());
    assertThat(called).isStarted(); // the instance task() and job(…) look at from now on
    return called;
  }

  private static DossierRequests.SubmitDossier request() {
    return new DossierRequests.SubmitDossier(CRIMINAL_RECORD, new DossierRequests.ApplicantInput(
        "Nguyễn Văn An", "093085000123", "0912345678", null, null));
  }

  private Dossier dossier(ProcessInstance instance) {
    return dossiers.find(instance.getBusinessKey());
  }

  @Test
  void acceptedDossierIsAppraisedApprovedAndReturned() {
    ProcessInstance instance = submit();
    ProcessInstance intake = called(instance, Parts.INTAKE);
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUBMITTED);

    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    complete(task(), withVariables("decision", "accept"));
    assertThat(intake).hasPassed("received", "intakeDone").hasNotPassed("receivedAtCounter", "digitization")
        .isEnded();
    assertThat(instance).hasPassed("intake", "intakeOutcomeGateway").isWaitingAt("appraisal");
    // The intake's outcome and the due dates its RECEIVED milestone set came back to the model.
    assertThat(instance).variables().containsEntry(Variables.INTAKE_OUTCOME, Outcomes.RECEIVED)
        .containsKeys(Variables.DUE_AT, Variables.WARN_AT);
    assertThat(task()).hasCandidateGroup("SPECIALIST@000.00.12.H13");
    Dossier received = dossier(instance);
    assertThat(received.getStatus()).isEqualTo(DossierStatus.PROCESSING);
    assertThat(received.getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 16, 9, 0));

    complete(task(), withVariables("decision", "forward"));
    assertThat(instance).isWaitingAt("approval");
    assertThat(task()).hasCandidateGroup("LEADER@000.00.12.H13");

    clock.set(LocalDateTime.of(2026, 3, 12, 10, 0));
    complete(task(), withVariables("decision", "approve"));
    assertThat(instance).hasPassed("handlingDone", "finished").isWaitingAt("resultDelivery");
    ProcessInstance result = called(instance, Parts.RESULT);
    assertThat(result).hasPassed("paymentGateway").isWaitingAt("resultPayment");
    ProcessInstance payment = called(result, Parts.PAYMENT);
    assertThat(payment).hasPassed("paymentRequested").isWaitingAt("awaitPayment");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
    assertThat(dossier(instance).getTimeliness()).isEqualTo(Timeliness.EARLY);

    payments.payAtCounter(accounts.find("clerk.stp").orElseThrow(), instance.getBusinessKey(),
        org.motcua.payment.Charge.Method.CASH, "BL-0001");
    assertThat(payment).hasPassed("paymentSettled", "paid").isEnded();
    assertThat(result).hasPassed("paidGateway").isWaitingAt("resultReturn");
    assertThat(task()).hasCandidateGroup("CLERK@000.00.12.H13");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.FINISHED);

    complete(task(), withVariables("decision", "return"));
    assertThat(result).hasPassed("returned").isEnded();
    assertThat(instance).hasPassed("resultOutcomeGateway", "returnedEnd").hasNotPassed("unpaidEnd").isEnded();
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.RETURNED);
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .count()).isZero();
    // Every change was announced with the facts before and after it, for the reports' aggregates.
    assertThat(events.stream(DossierChanged.class).map(e -> e.after().status()))
        .containsExactly(1, 2, 4, 9, 6, 9, 10);
    assertThat(events.stream(DossierChanged.class).skip(1).map(e -> e.before().status()))
        .containsExactly(1, 2, 4, 9, 6, 9);
  }

  @Test
  void supplementThenRefusalAtReception() {
    ProcessInstance instance = submit();
    ProcessInstance intake = called(instance, Parts.INTAKE);
    complete(task(), withVariables("decision", "supplement"));
    assertThat(intake).hasPassed("supplementRequested").isWaitingAt("supplementProvided");
    assertThat(instance).isWaitingAt("intake");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    assertThat(dossier(instance).getSupplementCount()).isEqualTo(1);

    // The message reaches the called intake, found by the dossier code it carries as business key.
    supplement.provide(citizen, instance.getBusinessKey(), "Đã bổ sung tờ khai");
    assertThat(intake).isWaitingAt("reception");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUBMITTED);

    complete(task(), withVariables("decision", "refuse"));
    assertThat(intake).hasPassed("notReceived").hasNotPassed("received").isEnded();
    assertThat(instance).hasPassed("intakeOutcomeGateway", "notReceivedEnd", "closed")
        .hasNotPassed("handling", "finished").isEnded();
    Dossier refused = dossier(instance);
    assertThat(refused.getStatus()).isEqualTo(DossierStatus.NOT_RECEIVED);
    assertThat(refused.getReceivedAt()).isNull();
  }

  @Test
  void leaderSendsBackForReworkThenRefuses() {
    ProcessInstance instance = submit();
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "rework"));
    assertThat(instance).hasPassed("approvalDecision").isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "forward"));

    clock.set(LocalDateTime.of(2026, 3, 6, 16, 0));
    complete(task(), withVariables("decision", "refuse"));
    assertThat(instance).hasPassed("resultKind", "refused", "closed").hasNotPassed("finished", "resultDelivery")
        .isEnded();
    Dossier refused = dossier(instance);
    assertThat(refused.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(refused.getEndedAt()).isEqualTo(LocalDateTime.of(2026, 3, 6, 16, 0));
    assertThat(refused.getTimeliness()).isEqualTo(Timeliness.EARLY);
    assertThat(refused.getStopReason()).isEqualTo("REFUSED"); // the reports' "refused" column
  }

  /**
   * A delay review the clerk has not done yet does not hold the dossier once the leader has decided: handling ends
   * (the review is cancelled, its question answered by the decision) and the dossier is finished.
   */
  @Test
  void anOpenDelayReviewDoesNotHoldTheApprovedDossier() {
    ProcessInstance instance = submit();
    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    clock.set(LocalDateTime.of(2026, 3, 13, 9, 0));
    execute(job("dueSoonStart"));
    assertThat(instance).isWaitingAt("appraisal", "delayReview");
    complete(task("appraisal"), withVariables("decision", "forward"));
    clock.set(LocalDateTime.of(2026, 3, 13, 10, 0));
    complete(task("approval"), withVariables("decision", "approve"));
    assertThat(instance).hasPassed("handlingDone", "finished").isWaitingAt("resultDelivery");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .list()).isNotEmpty();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey("delayReview").count()).isZero();
    assertThat(dossier(instance).getStatus()).isIn(DossierStatus.FINISHED, DossierStatus.PAYMENT_REQUESTED);
  }

  @Test
  void timersWarnBeforeTheDueDateAndMarkTheDossierOverdue() {
    ProcessInstance instance = submit();
    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    // Warning one working day (8 h) before the due date: Friday 13 March 09:00; due Monday 16 March 09:00.
    assertThat(job("dueSoonStart").getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 3, 13, 9, 0)));
    assertThat(job("overdueTimer").getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 3, 16, 9, 0)));

    clock.set(LocalDateTime.of(2026, 3, 13, 9, 0));
    execute(job("dueSoonStart"));
    assertThat(instance).hasPassed("dueSoonNoted").isWaitingAt("appraisal", "delayReview");
    assertThat(task("delayReview")).hasCandidateGroup("CLERK@000.00.12.H13");
    assertThat(dossier(instance).isDueSoon()).isTrue();
    complete(task("delayReview"), withVariables("decision", "on_track"));

    clock.set(LocalDateTime.of(2026, 3, 16, 9, 0));
    execute(job("overdueTimer"));
    assertThat(instance).hasPassed("overdueNoted").isWaitingAt("appraisal");
    assertThat(dossier(instance).isOverdue()).isTrue();

    complete(task(), withVariables("decision", "forward"));
    clock.set(LocalDateTime.of(2026, 3, 17, 8, 0));
    complete(task(), withVariables("decision", "approve"));
    assertThat(dossier(instance).getTimeliness()).isEqualTo(Timeliness.LATE);
  }

  @Test
  void counterDossierIsReceivedAtOnceAndDigitizedBeforeAppraisal() {
    MotcuaUser clerk = accounts.find("clerk.stp").orElseThrow();
    Dossier dossier = counter.receive(clerk, new DossierRequests.EnterDossier(CRIMINAL_RECORD, 1,
        new DossierRequests.ApplicantInput("Lê Văn Cường", "093090000789", null, null, null), null, null));
    ProcessInstance instance = model(dossier.getCode());
    assertThat(instance).isWaitingAt("intake");
    ProcessInstance intake = called(instance, Parts.INTAKE);
    assertThat(intake).hasPassed("receivedAtCounter").hasNotPassed("reception").isWaitingAt("digitization");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.RECEIVED);
    assertThat(dossier(instance).getChannel()).isEqualTo(Channel.COUNTER);
    // Received at the counter on Monday 2 March 08:00: 7 working hours that day, 72 over the next nine working days,
    // the last hour on Monday 16 March.
    assertThat(dossier(instance).getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 16, 8, 0));
    // The due date is the intake's until it ends: the model gets it with the intake's outcome.
    assertThat(intake).variables().containsKey(Variables.DUE_AT);
    assertThat(instance).variables().doesNotContainKey(Variables.DUE_AT);
    assertThat(intake).isWaitingAt("digitization");
    complete(task(), withVariables("decision", "digitized"));
    assertThat(intake).hasPassed("intakeDone").isEnded();
    assertThat(instance).isWaitingAt("appraisal");
    assertThat(job("overdueTimer").getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 3, 16, 8, 0)));
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.PROCESSING);
  }

  /**
   * A fee due at submission (the certified copy's) is asked for before reception: the clock starts only when the
   * dossier reaches the clerk, and no payment is asked again after approval. Unpaid, the dossier stops unreceived.
   */
  @Test
  void aFeeDueAtSubmissionIsPaidBeforeReceptionOrTheDossierStops() {
    String certifiedCopy = "2.000815.000.00.21.H13";
    DossierRequests.ApplicantInput applicant = request().applicant();
    Dossier paid = online.submit(citizen, new DossierRequests.SubmitDossier(certifiedCopy, applicant,
        java.util.Map.of("pages", 3), "000.01.21.H13"));
    ProcessInstance instance = model(paid.getCode());
    assertThat(instance).hasPassed("feeAtSubmissionGateway").isWaitingAt("submissionPayment");
    ProcessInstance payment = called(instance, Parts.PAYMENT);
    assertThat(payment).hasPassed("paymentRequested").isWaitingAt("awaitPayment");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
    assertThat(dossier(instance).getFeeVnd()).isEqualTo(5_000);

    clock.set(LocalDateTime.of(2026, 3, 2, 9, 30));
    payments.payAtCounter(accounts.find("clerk.vithanh").orElseThrow(), paid.getCode(),
        org.motcua.payment.Charge.Method.CASH, "BL-0002");
    assertThat(payment).hasPassed("paymentSettled", "paid").isEnded();
    assertThat(instance).hasPassed("submissionPaidGateway").isWaitingAt("intake");
    assertThat(called(instance, Parts.INTAKE)).isWaitingAt("reception");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    assertThat(dossier(instance).getReceivedAt()).isNull();
    complete(task(), withVariables("decision", "accept"));
    assertThat(dossier(instance).getReceivedAt()).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 30));
    assertThat(instance).isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
    assertThat(instance).hasPassed("finished").isWaitingAt("resultDelivery");
    assertThat(called(instance, Parts.RESULT)).hasPassed("paymentGateway").hasNotPassed("resultPayment")
        .isWaitingAt("resultReturn");

    ProcessInstance unpaid = model(
        online.submit(citizen, new DossierRequests.SubmitDossier(certifiedCopy, applicant, null, "000.01.21.H13"))
            .getCode());
    ProcessInstance unpaidPayment = called(unpaid, Parts.PAYMENT);
    execute(job("paymentReminder", unpaidPayment));
    assertThat(unpaidPayment).hasPassed("paymentReminded").isWaitingAt("awaitPayment");
    execute(job("paymentDeadline", unpaidPayment));
    assertThat(unpaidPayment).hasPassed("unpaidStopped").hasNotPassed("paid").isEnded();
    assertThat(unpaid).hasPassed("submissionPaidGateway", "unpaidAtSubmission").hasNotPassed("intakeAndHandling")
        .isEnded();
    assertThat(dossier(unpaid).getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(dossier(unpaid).getReceivedAt()).isNull();
    assertThat(dossier(unpaid).getStopReason()).isEqualTo("UNPAID_STOPPED");
  }

  /** A fee due before the result, unpaid: reminded, then the dossier stops at the deadline without its result. */
  @Test
  void aFeeDueBeforeTheResultUnpaidStopsTheDossier() {
    ProcessInstance instance = submit();
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
    ProcessInstance result = called(instance, Parts.RESULT);
    ProcessInstance payment = called(result, Parts.PAYMENT);
    assertThat(payment).isWaitingAt("awaitPayment");
    // Asked for on Monday 2 March 08:00: reminded every 3 working days (Thursday 5 March 08:00), stopped after 10
    // (80 working hours: Monday 16 March 08:00), as config/motcua.yml says.
    assertThat(job("paymentReminder", payment).getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 3, 5, 8, 0)));
    assertThat(job("paymentDeadline", payment).getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 3, 16, 8, 0)));

    execute(job("paymentReminder", payment));
    assertThat(payment).hasPassed("paymentReminded").isWaitingAt("awaitPayment");
    execute(job("paymentDeadline", payment));
    assertThat(payment).hasPassed("unpaidStopped").isEnded();
    assertThat(result).hasPassed("paidGateway", "unpaid").hasNotPassed("resultReturn").isEnded();
    assertThat(instance).hasPassed("resultOutcomeGateway", "unpaidEnd").hasNotPassed("returnedEnd").isEnded();
    Dossier stopped = dossier(instance);
    assertThat(stopped.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(stopped.getStopReason()).isEqualTo("UNPAID_STOPPED");
  }

  @Test
  void supplementDuringAppraisalPausesTheClockAndMovesTheDueDate() {
    ProcessInstance instance = submit();
    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    complete(task(), withVariables("decision", "accept"));
    clock.set(LocalDateTime.of(2026, 3, 3, 9, 0));
    assertThat(instance).isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "supplement"));
    assertThat(instance).hasPassed("supplementRequestedInHandling").isWaitingAt("supplementProvidedInHandling");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    // While paused the deadline timers wait far away, so nothing is marked overdue during the pause.
    assertThat(job("overdueTimer").getDuedate()).isEqualTo(date(Timers.PAUSED_UNTIL));

    // The applicant answers two working days later (Thursday 5 March 09:00): the due date moves by 16 working hours.
    clock.set(LocalDateTime.of(2026, 3, 5, 9, 0));
    supplement.provide(citizen, instance.getBusinessKey(), "Đã bổ sung bản sao CCCD");
    assertThat(instance).isWaitingAt("appraisal");
    Dossier resumed = dossier(instance);
    assertThat(resumed.getStatus()).isEqualTo(DossierStatus.PROCESSING);
    assertThat(resumed.getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 18, 9, 0));
    assertThat(job("overdueTimer").getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 3, 18, 9, 0)));
    assertThat(job("dueSoonStart").getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 3, 17, 9, 0)));

    // A second request is possible, but the dossier then counts as late whatever the dates.
    complete(task(), withVariables("decision", "supplement"));
    supplement.provide(citizen, instance.getBusinessKey(), "Bổ sung lần hai");
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
    assertThat(dossier(instance).getSupplementCount()).isEqualTo(2);
    assertThat(dossier(instance).getTimeliness()).isEqualTo(Timeliness.LATE);
  }

  @Test
  void confirmedWithdrawalStopsTheDossierAndRejectedOneResumesIt() {
    ProcessInstance kept = submit();
    complete(task(), withVariables("decision", "accept"));
    withdrawal.request(citizen, kept.getBusinessKey(), "Tôi muốn nộp lại sau");
    assertThat(dossier(kept).getStatus()).isEqualTo(DossierStatus.WITHDRAWAL_REQUESTED);
    assertThat(kept).isWaitingAt("appraisal", "withdrawalReview");
    complete(task("withdrawalReview"), withVariables("decision", "reject"));
    assertThat(kept).hasPassed("withdrawalRejected").isWaitingAt("appraisal");
    assertThat(dossier(kept).getStatus()).isEqualTo(DossierStatus.PROCESSING);

    ProcessInstance withdrawn = submit();
    complete(task(), withVariables("decision", "accept"));
    clock.set(LocalDateTime.of(2026, 3, 4, 10, 0));
    withdrawal.request(citizen, withdrawn.getBusinessKey(), "Không còn nhu cầu");
    assertThat(withdrawn).isWaitingAt("appraisal", "withdrawalReview");
    complete(task("withdrawalReview"), withVariables("decision", "confirm"));
    assertThat(withdrawn).hasPassed("withdrawn").isEnded();
    Dossier stopped = dossier(withdrawn);
    assertThat(stopped.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(stopped.getEndedAt()).isEqualTo(LocalDateTime.of(2026, 3, 4, 10, 0));
    assertThat(stopped.getStopReason()).isEqualTo("WITHDRAWN"); // the reports' "withdrawn" column
    assertThat(dossier(kept).getStopReason()).isNull();
  }

  /**
   * The applicant may withdraw while the dossier waits at reception, in the called intake: the withdrawal is the
   * model's; confirmed, it ends the model and the intake with it. Refused, reception goes on where it was.
   */
  @Test
  void withdrawalDuringIntakeEndsTheCalledIntakeToo() {
    ProcessInstance kept = submit();
    ProcessInstance keptIntake = called(kept, Parts.INTAKE);
    withdrawal.request(citizen, kept.getBusinessKey(), "Nộp nhầm thủ tục");
    assertThat(kept).isWaitingAt("intake", "withdrawalReview");
    assertThat(task("withdrawalReview")).hasCandidateGroup("CLERK@000.00.12.H13");
    complete(task("withdrawalReview"), withVariables("decision", "reject"));
    assertThat(kept).hasPassed("withdrawalRejected").isWaitingAt("intake");
    assertThat(keptIntake).isWaitingAt("reception");
    assertThat(dossier(kept).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    complete(task(), withVariables("decision", "accept"));
    assertThat(kept).isWaitingAt("appraisal");

    ProcessInstance withdrawn = submit();
    ProcessInstance intake = called(withdrawn, Parts.INTAKE);
    complete(task(), withVariables("decision", "supplement"));
    assertThat(intake).isWaitingAt("supplementProvided");
    withdrawal.request(citizen, withdrawn.getBusinessKey(), "Không còn nhu cầu");
    assertThat(withdrawn).isWaitingAt("intake", "withdrawalReview");
    complete(task("withdrawalReview"), withVariables("decision", "confirm"));
    assertThat(withdrawn).hasPassed("withdrawn").isEnded();
    assertThat(intake).hasNotPassed("received", "notReceived").isEnded();
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(withdrawn.getBusinessKey())
        .count()).isZero();
    Dossier stopped = dossier(withdrawn);
    assertThat(stopped.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(stopped.getStopReason()).isEqualTo("WITHDRAWN");
    assertThat(stopped.getReceivedAt()).isNull();
  }

  /** Once the result is approved the dossier can no longer be withdrawn: the result part is outside that scope. */
  @Test
  void noWithdrawalOnceTheResultIsDue() {
    ProcessInstance instance = submit();
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
    assertThat(instance).isWaitingAt("resultDelivery");
    assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(ProcessContract.Messages.WITHDRAWAL_REQUESTED).count()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> withdrawal.request(citizen, instance.getBusinessKey(),
        "Muộn")).isInstanceOf(RuntimeException.class);
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
  }

  /**
   * Budgets changed while the dossier waits at reception (a clerk changes its case) reach the tasks still to come:
   * the intake's digitization or reception, the model's appraisal, the result's return. The task list finds the
   * intake's task under the dossier code, which the called instance carries as business key.
   */
  @Test
  void budgetsChangedAtReceptionReachTheTasksStillToCome() {
    ProcessInstance instance = submit();
    ProcessInstance intake = called(instance, Parts.INTAKE);
    String code = instance.getBusinessKey();
    assertThat(process.tasksOfDossier(code)).singleElement()
        .satisfies(item -> assertThat(item.taskKey()).isEqualTo("reception"))
        .satisfies(item -> assertThat(item.dossierCode()).isEqualTo(code));

    process.setVariables(code, java.util.Map.of(Variables.budget("appraisal"), Variables.workingHours(2)));
    assertThat(intake).variables().containsEntry(Variables.budget("appraisal"), "PT2H");
    assertThat(instance).variables().containsEntry(Variables.budget("appraisal"), "PT2H");

    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    assertThat(intake).isWaitingAt("reception");
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).isWaitingAt("appraisal");
    assertThat(task().getDueDate()).isEqualTo(date(LocalDateTime.of(2026, 3, 2, 11, 0)));
    assertThat(process.tasksOfDossier(code)).singleElement()
        .satisfies(item -> assertThat(item.taskKey()).isEqualTo("appraisal"));
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(VIETNAM).toInstant());
  }

}
