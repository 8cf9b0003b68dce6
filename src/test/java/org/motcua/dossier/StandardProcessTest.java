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
import org.motcua.process.ProcessContract.Timers;
import org.motcua.security.MotcuaUser;
import org.motcua.security.UserAccounts;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path of {@code bpmn/dossier-standard.bpmn} on the real engine inside the application, driven with
 * camunda-bpm-assert: acceptance to result, supplement then refusal at reception, rework then refusal by the leader,
 * and the two deadline timers. Dossiers are checked after each milestone (same transaction as the process).
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

  private ProcessInstance submit() {
    Dossier dossier = online.submit(citizen, request());
    ProcessInstance instance = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(dossier.getCode()).singleResult();
    assertThat(instance).isStarted().isWaitingAt("reception");
    assertThat(task()).hasCandidateGroup("CLERK@000.00.12.H13");
    return instance;
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
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUBMITTED);

    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    complete(task(), withVariables("decision", "accept"));
    assertThat(instance).hasPassed("received").isWaitingAt("appraisal");
    assertThat(task()).hasCandidateGroup("SPECIALIST@000.00.12.H13");
    Dossier received = dossier(instance);
    assertThat(received.getStatus()).isEqualTo(DossierStatus.PROCESSING);
    assertThat(received.getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 16, 9, 0));

    complete(task(), withVariables("decision", "forward"));
    assertThat(instance).isWaitingAt("approval");
    assertThat(task()).hasCandidateGroup("LEADER@000.00.12.H13");

    clock.set(LocalDateTime.of(2026, 3, 12, 10, 0));
    complete(task(), withVariables("decision", "approve"));
    assertThat(instance).hasPassed("handlingDone", "finished", "paymentRequested").isWaitingAt("awaitPayment");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
    assertThat(dossier(instance).getTimeliness()).isEqualTo(Timeliness.EARLY);

    payments.payAtCounter(accounts.find("clerk.stp").orElseThrow(), instance.getBusinessKey(),
        org.motcua.payment.Charge.Method.CASH, "BL-0001");
    assertThat(instance).hasPassed("paymentSettled").isWaitingAt("resultReturn");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.FINISHED);

    complete(task(), withVariables("decision", "return"));
    assertThat(instance).hasPassed("returned").isEnded();
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.RETURNED);
    // Every change was announced with the facts before and after it, for the reports' aggregates.
    assertThat(events.stream(DossierChanged.class).map(e -> e.after().status()))
        .containsExactly(1, 2, 4, 9, 6, 9, 10);
    assertThat(events.stream(DossierChanged.class).skip(1).map(e -> e.before().status()))
        .containsExactly(1, 2, 4, 9, 6, 9);
  }

  @Test
  void supplementThenRefusalAtReception() {
    ProcessInstance instance = submit();
    complete(task(), withVariables("decision", "supplement"));
    assertThat(instance).hasPassed("supplementRequested").isWaitingAt("supplementProvided");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    assertThat(dossier(instance).getSupplementCount()).isEqualTo(1);

    supplement.provide(citizen, instance.getBusinessKey(), "Đã bổ sung tờ khai");
    assertThat(instance).isWaitingAt("reception");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUBMITTED);

    complete(task(), withVariables("decision", "refuse"));
    assertThat(instance).hasPassed("notReceived").isEnded();
    Dossier refused = dossier(instance);
    assertThat(refused.getStatus()).isEqualTo(DossierStatus.NOT_RECEIVED);
    assertThat(refused.getReceivedAt()).isNull();
  }

  @Test
  void leaderSendsBackForReworkThenRefuses() {
    ProcessInstance instance = submit();
    complete(task(), withVariables("decision", "accept"));
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "rework"));
    assertThat(instance).hasPassed("approvalDecision").isWaitingAt("appraisal");
    complete(task(), withVariables("decision", "forward"));

    clock.set(LocalDateTime.of(2026, 3, 6, 16, 0));
    complete(task(), withVariables("decision", "refuse"));
    assertThat(instance).hasPassed("resultKind", "refused").hasNotPassed("finished").isEnded();
    Dossier refused = dossier(instance);
    assertThat(refused.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(refused.getEndedAt()).isEqualTo(LocalDateTime.of(2026, 3, 6, 16, 0));
    assertThat(refused.getTimeliness()).isEqualTo(Timeliness.EARLY);
    assertThat(refused.getStopReason()).isEqualTo("REFUSED"); // the reports' "refused" column
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
    ProcessInstance instance = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(dossier.getCode()).singleResult();
    assertThat(instance).hasPassed("receivedAtCounter").hasNotPassed("reception").isWaitingAt("digitization");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.RECEIVED);
    assertThat(dossier(instance).getChannel()).isEqualTo(Channel.COUNTER);
    // Received at the counter on Monday 2 March 08:00: 7 working hours that day, 72 over the next nine working days,
    // the last hour on Monday 16 March.
    assertThat(dossier(instance).getDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 16, 8, 0));
    complete(task(), withVariables("decision", "digitized"));
    assertThat(instance).isWaitingAt("appraisal");
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
    ProcessInstance instance = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(paid.getCode()).singleResult();
    assertThat(instance).hasPassed("feeAtSubmissionGateway", "submissionPaymentRequested")
        .isWaitingAt("awaitSubmissionPayment");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
    assertThat(dossier(instance).getFeeVnd()).isEqualTo(5_000);

    clock.set(LocalDateTime.of(2026, 3, 2, 9, 30));
    payments.payAtCounter(accounts.find("clerk.vithanh").orElseThrow(), paid.getCode(),
        org.motcua.payment.Charge.Method.CASH, "BL-0002");
    assertThat(instance).hasPassed("submissionPaymentSettled").isWaitingAt("reception");
    assertThat(dossier(instance).getStatus()).isEqualTo(DossierStatus.SUBMITTED);
    assertThat(dossier(instance).getReceivedAt()).isNull();
    complete(task(), withVariables("decision", "accept"));
    assertThat(dossier(instance).getReceivedAt()).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 30));
    complete(task(), withVariables("decision", "forward"));
    complete(task(), withVariables("decision", "approve"));
    assertThat(instance).hasPassed("finished").hasNotPassed("paymentRequested").isWaitingAt("resultReturn");

    ProcessInstance unpaid = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(
        online.submit(citizen, new DossierRequests.SubmitDossier(certifiedCopy, applicant, null, "000.01.21.H13"))
            .getCode())
        .singleResult();
    execute(job("submissionPaymentReminder", unpaid));
    assertThat(unpaid).hasPassed("submissionPaymentReminded").isWaitingAt("awaitSubmissionPayment");
    execute(job("submissionPaymentDeadline", unpaid));
    assertThat(unpaid).hasPassed("unpaidAtSubmission").hasNotPassed("intakeAndHandling").isEnded();
    assertThat(dossier(unpaid).getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(dossier(unpaid).getReceivedAt()).isNull();
  }

  @Test
  void supplementDuringAppraisalPausesTheClockAndMovesTheDueDate() {
    ProcessInstance instance = submit();
    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    complete(task(), withVariables("decision", "accept"));
    clock.set(LocalDateTime.of(2026, 3, 3, 9, 0));
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
    complete(task("withdrawalReview"), withVariables("decision", "confirm"));
    assertThat(withdrawn).hasPassed("withdrawn").isEnded();
    Dossier stopped = dossier(withdrawn);
    assertThat(stopped.getStatus()).isEqualTo(DossierStatus.STOPPED);
    assertThat(stopped.getEndedAt()).isEqualTo(LocalDateTime.of(2026, 3, 4, 10, 0));
    assertThat(stopped.getStopReason()).isEqualTo("WITHDRAWN"); // the reports' "withdrawn" column
    assertThat(dossier(kept).getStopReason()).isNull();
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(VIETNAM).toInstant());
  }

}
