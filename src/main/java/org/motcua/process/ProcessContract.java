package org.motcua.process;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The contract between motcua's Java code and its BPMN models ({@code bpmn/*.bpmn}), in one place: the names both
 * sides must spell alike. Java refers to these constants, never to a literal; {@code ProcessContractTest} parses every
 * model and fails when one side is renamed without the other. The milestones the models report are {@link Milestone}.
 *
 * <p>Plain names only: the engine itself stays behind {@link DossierProcess}.
 */
public final class ProcessContract {

  /** Quy trình một cửa chuẩn: the process id of {@code bpmn/dossier-standard.bpmn}, named by {@code procedures.yml}. */
  public static final String STANDARD_PROCESS = "dossier-standard";

  /** Quy trình liên thông: the process id of {@code bpmn/dossier-chain.bpmn}, a chain of agencies (stages). */
  public static final String CHAIN_PROCESS = "dossier-chain";

  /** The bean the models call at each milestone: {@code ${dossierMilestones.reached(execution, 'RECEIVED')}}. */
  public static final String MILESTONE_LISTENER = "dossierMilestones";

  /** Xin ý kiến: the process id of {@code bpmn/dossier-consultation.bpmn} (opinions of other agencies, field check). */
  public static final String CONSULTATION_PROCESS = "dossier-consultation";

  /** The bean the models ask for a dossier's route: {@code ${dossierRoutes.consultedAgencies(execution)}}. */
  public static final String ROUTES = "dossierRoutes";

  /** The extension property of a user task listing the decisions it offers, e.g. {@code accept,supplement,refuse}. */
  public static final String DECISIONS_PROPERTY = "decisions";

  /**
   * Lãnh đạo cơ quan: the role a step that ran out is escalated to ({@code LEADER@agency} of the step's agency, added
   * beside the task's own candidate group). A task offered to several groups has as its own the one that is not this
   * role's, unless it is the only one.
   */
  public static final String ESCALATION_ROLE = "LEADER";

  private ProcessContract() {
  }

  /**
   * Phần dùng chung: the processes the dossier models call (call activities, business key = dossier code, all
   * variables in and out), each in its own file of {@code bpmn/}; each ends by setting an outcome variable
   * ({@link Variables#PAYMENT_OUTCOME}, {@link Variables#INTAKE_OUTCOME}, {@link Variables#RESULT_OUTCOME}) to one of
   * the {@link Outcomes}, which the caller's gateway reads.
   */
  public static final class Parts {

    /** Nộp phí, lệ phí: asks for the fee, reminds, stops the dossier unpaid ({@code bpmn/dossier-payment.bpmn}). */
    public static final String PAYMENT = "dossier-payment";
    /** Tiếp nhận hồ sơ: reception (online) or digitization (counter, postal) ({@code bpmn/dossier-intake.bpmn}). */
    public static final String INTAKE = "dossier-intake";
    /** Trả kết quả: the fee due before the result, then the result handed over ({@code bpmn/dossier-result.bpmn}). */
    public static final String RESULT = "dossier-result";

    public static final Set<String> ALL = Set.of(PAYMENT, INTAKE, RESULT);

    private Parts() {
    }
  }

  /** What a shared part ends with: the values of the outcome variables (see {@link Parts}). */
  public static final class Outcomes {

    /** {@link Variables#PAYMENT_OUTCOME}: the fee was paid or waived. */
    public static final String PAID = "paid";
    /** {@link Variables#PAYMENT_OUTCOME}, {@link Variables#RESULT_OUTCOME}: unpaid at the deadline, stopped. */
    public static final String UNPAID = "unpaid";
    /** {@link Variables#INTAKE_OUTCOME}: received (tiếp nhận); handling comes next. */
    public static final String RECEIVED = "received";
    /** {@link Variables#INTAKE_OUTCOME}: refused at reception (không tiếp nhận). */
    public static final String NOT_RECEIVED = "notReceived";
    /** {@link Variables#RESULT_OUTCOME}: the result was handed over. */
    public static final String RETURNED = "returned";

    public static final Set<String> ALL = Set.of(PAID, UNPAID, RECEIVED, NOT_RECEIVED, RETURNED);

    private Outcomes() {
    }
  }

  /** User tasks (công việc, bước xử lý), by their BPMN id; the catalog's steps and the history lines name them. */
  public static final class Tasks {

    /** Tiếp nhận hồ sơ: a one-stop clerk checks an online dossier. */
    public static final String RECEPTION = "reception";
    /** Số hóa thành phần hồ sơ: a clerk scans the paper components of a counter or postal dossier. */
    public static final String DIGITIZATION = "digitization";
    /** Thẩm định hồ sơ: the competent agency's specialist appraises. */
    public static final String APPRAISAL = "appraisal";
    /** Phê duyệt kết quả: the agency's leader signs, refuses or sends back. */
    public static final String APPROVAL = "approval";
    /** Rà soát tiến độ, xin lỗi và hẹn lại: a clerk confirms the dossier is on time or apologises (form 04). */
    public static final String DELAY_REVIEW = "delayReview";
    /** Xác nhận rút hồ sơ: a clerk confirms or refuses the applicant's withdrawal. */
    public static final String WITHDRAWAL_REVIEW = "withdrawalReview";
    /** Trả kết quả: a clerk hands over the result. */
    public static final String RESULT_RETURN = "resultReturn";
    /**
     * Cho ý kiến: a specialist of a consulted agency gives its opinion ({@code dossier-consultation}); one task per
     * consulted agency, all at once, each due after its own budget.
     */
    public static final String CONSULTATION = "consultation";
    /** Xác minh thực tế: the specialist verifies on site ({@code dossier-consultation}), within its own budget. */
    public static final String FIELD_VERIFICATION = "fieldVerification";

    /** Tiếp nhận hồ sơ liên thông: a clerk of the stage's agency takes over the dossier from the previous one. */
    public static final String STAGE_RECEPTION = "stageReception";
    /** Thẩm định hồ sơ (giai đoạn liên thông): the stage agency's specialist appraises. */
    public static final String STAGE_APPRAISAL = "stageAppraisal";
    /** Phê duyệt kết quả giai đoạn: the stage agency's leader signs its part, refuses or sends back. */
    public static final String STAGE_APPROVAL = "stageApproval";

    public static final Set<String> ALL = Set.of(RECEPTION, DIGITIZATION, APPRAISAL, APPROVAL, DELAY_REVIEW,
        WITHDRAWAL_REVIEW, RESULT_RETURN, STAGE_RECEPTION, STAGE_APPRAISAL, STAGE_APPROVAL, CONSULTATION,
        FIELD_VERIFICATION);

    /**
     * The steps every procedure budgets in {@code procedures.yml}, in this order (quy trình nội bộ); each budget
     * becomes the variable {@link Variables#budget(String)} that the task's due date reads.
     */
    public static final List<String> BUDGETED = List.of(RECEPTION, APPRAISAL, APPROVAL, RESULT_RETURN);

    /** The steps each stage of a chain budgets ({@code stages} in {@code procedures.yml}), in this order. */
    public static final List<String> STAGE_BUDGETED = List.of(STAGE_RECEPTION, STAGE_APPRAISAL, STAGE_APPROVAL);

    /**
     * Side tasks (việc phát sinh): recorded as steps, warned and escalated like any other, but their deadline is not
     * a handling step's budget (the delay review waits for the appointment date itself), so their overrun never names
     * the agency that made a dossier late. A model's own side tasks may be added here.
     */
    public static final Set<String> OUTSIDE_HANDLING = Set.of(DELAY_REVIEW, WITHDRAWAL_REVIEW);

    private Tasks() {
    }
  }

  /** Messages Java correlates to a dossier's waiting process (business key = dossier code). */
  public static final class Messages {

    /** Nộp bổ sung: the applicant (or a clerk at the counter) answered the supplement request. */
    public static final String SUPPLEMENT_PROVIDED = "SupplementProvided";
    /** Yêu cầu rút hồ sơ: the applicant asks to withdraw; a clerk must confirm. */
    public static final String WITHDRAWAL_REQUESTED = "WithdrawalRequested";
    /** Đã nộp phí hoặc được miễn: the fee was paid online, at the counter, or waived. */
    public static final String PAYMENT_SETTLED = "PaymentSettled";

    /**
     * Đã thực hiện nghĩa vụ tài chính: the applicant paid the notice another agency issued (e.g. the tax authority's
     * notice on a land registration); the clock, paused since the notice, runs again.
     */
    public static final String OBLIGATION_FULFILLED = "ObligationFulfilled";

    public static final Set<String> ALL = Set.of(SUPPLEMENT_PROVIDED, WITHDRAWAL_REQUESTED, PAYMENT_SETTLED,
        OBLIGATION_FULFILLED);

    private Messages() {
    }
  }

  /**
   * Officers' decisions (ý kiến xử lý): the words a task offers in its {@link #DECISIONS_PROPERTY} and the gateways
   * compare with the variable {@link Variables#DECISION}; each has a label {@code decision.<word>} and
   * {@code web.decision.<word>} in the messages.
   */
  public static final class Decisions {

    /** Tiếp nhận hồ sơ: the dossier is complete and valid; the processing clock starts. */
    public static final String ACCEPT = "accept";
    /** Yêu cầu bổ sung: the applicant must supply what is missing (form 02). */
    public static final String SUPPLEMENT = "supplement";
    /** Từ chối: not received at reception (form 03), or refused by the leader. */
    public static final String REFUSE = "refuse";
    /** Đã số hóa thành phần hồ sơ: the paper components of a counter dossier are scanned. */
    public static final String DIGITIZED = "digitized";
    /** Trình lãnh đạo: the specialist forwards the appraised dossier to the leader. */
    public static final String FORWARD = "forward";
    /** Phê duyệt: the leader signs the result. */
    public static final String APPROVE = "approve";
    /** Trả lại thẩm định: the leader sends the dossier back to the specialist. */
    public static final String REWORK = "rework";
    /** Trả kết quả: the result is handed over (or posted). */
    public static final String RETURN = "return";
    /** Đảm bảo tiến độ: the dossier will be on time. */
    public static final String ON_TRACK = "on_track";
    /** Xin lỗi và hẹn lại: an apology with a new appointment (form 04). */
    public static final String APOLOGIZE = "apologize";
    /** Đồng ý rút hồ sơ: the withdrawal is confirmed; the process ends. */
    public static final String CONFIRM = "confirm";
    /** Không đồng ý rút hồ sơ: handling goes on. */
    public static final String REJECT = "reject";
    /** Xin ý kiến cơ quan liên quan: the specialist asks the case's consulted agencies for their opinion. */
    public static final String CONSULT = "consult";
    /** Đã cho ý kiến: a consulted agency answered (its opinion in the note). */
    public static final String ANSWER = "answer";
    /** Xác minh thực tế: the specialist must verify on site before deciding. */
    public static final String VERIFY = "verify";
    /** Đã xác minh: the field verification is done (its findings in the note). */
    public static final String VERIFIED = "verified";

    /** Nhận hồ sơ liên thông: the stage's agency takes over the dossier handed over by the previous one. */
    public static final String TAKE_OVER = "take_over";

    public static final Set<String> ALL = Set.of(ACCEPT, SUPPLEMENT, REFUSE, DIGITIZED, FORWARD, APPROVE, REWORK,
        RETURN, ON_TRACK, APOLOGIZE, CONFIRM, REJECT, TAKE_OVER, CONSULT, ANSWER, VERIFY, VERIFIED);

    private Decisions() {
    }
  }

  /** Process variables the models read; Java sets each one (at the start, at a milestone, or on completing a task). */
  public static final class Variables {

    /** Mã cơ quan giải quyết: tasks go to the candidate group {@code ROLE@agencyCode}. Set at the start. */
    public static final String AGENCY_CODE = "agencyCode";
    /** Hình thức nộp: the channel's national code (1 trực tiếp, 2 trực tuyến, 3 bưu chính). Set at the start. */
    public static final String CHANNEL = "channel";
    /** Nộp phí khi nộp hồ sơ: the fee is due before reception. Set at the start. */
    public static final String PAYMENT_AT_SUBMISSION = "paymentAtSubmission";
    /** Ý kiến xử lý: the officer's decision, one of {@link Decisions}. Set on completing a task. */
    public static final String DECISION = "decision";
    /** Ngày hẹn trả kết quả: the due timer waits for it. Set at reception, moved after a supplement pause. */
    public static final String DUE_AT = "dueAt";
    /** Thời điểm cảnh báo sắp đến hạn: the warning timer waits for it. Set with {@link #DUE_AT}. */
    public static final String WARN_AT = "warnAt";
    /** Nộp phí trước khi trả kết quả: the fee is due once the dossier is finished. Set at that milestone. */
    public static final String PAYMENT_REQUIRED = "paymentRequired";
    /** Hạn nộp phí: an unpaid dossier stops then. Set when the payment is requested. */
    public static final String PAYMENT_DEADLINE_AT = "paymentDeadlineAt";
    /** Chu kỳ nhắc nộp phí, in working time ({@code P3D}). Set when the payment is requested. */
    public static final String PAYMENT_REMINDER = "paymentReminder";
    /**
     * Thời hạn cho ý kiến: the budget of one consultation, local to its instance (working time, from the case's
     * {@code consultations}); the consultation task is due then, and its timer goes on without the opinion then.
     */
    public static final String CONSULTATION_BUDGET = "consultationBudget";
    /**
     * Thời hạn xác minh thực tế: the field verification's budget (working time). A step budget like the others: the
     * case using {@code dossier-consultation} gives it with its steps.
     */
    public static final String FIELD_VERIFICATION_BUDGET = "fieldVerificationBudget";
    /** Kết quả nộp phí: {@link Outcomes#PAID} or {@link Outcomes#UNPAID}. Set by {@link Parts#PAYMENT} as it ends. */
    public static final String PAYMENT_OUTCOME = "paymentOutcome";
    /** Kết quả tiếp nhận: {@link Outcomes#RECEIVED} or {@link Outcomes#NOT_RECEIVED}. Set by {@link Parts#INTAKE}. */
    public static final String INTAKE_OUTCOME = "intakeOutcome";
    /** Kết quả trả kết quả: {@link Outcomes#RETURNED} or {@link Outcomes#UNPAID}. Set by {@link Parts#RESULT}. */
    public static final String RESULT_OUTCOME = "resultOutcome";

    /**
     * Giai đoạn kết thúc bằng thông báo nghĩa vụ tài chính: set in each stage's scope from the catalogue; when true
     * the applicant must pay the notice before the next stage, and the clock pauses meanwhile.
     */
    public static final String STAGE_OBLIGATION = "stageObligation";

    /**
     * Every variable name the models read: the names above and each budgeted step's budget (a stage's included).
     * Java sets them all except the outcomes, which the shared parts set themselves.
     */
    public static final Set<String> ALL;

    static {
      Set<String> all = new LinkedHashSet<>(List.of(AGENCY_CODE, CHANNEL, PAYMENT_AT_SUBMISSION, DECISION, DUE_AT,
          WARN_AT, PAYMENT_REQUIRED, PAYMENT_DEADLINE_AT, PAYMENT_REMINDER, PAYMENT_OUTCOME, INTAKE_OUTCOME,
          RESULT_OUTCOME, STAGE_OBLIGATION, CONSULTATION_BUDGET, FIELD_VERIFICATION_BUDGET));
      Tasks.BUDGETED.forEach(task -> all.add(budget(task)));
      Tasks.STAGE_BUDGETED.forEach(task -> all.add(budget(task)));
      ALL = Set.copyOf(all);
    }

    /** Thời hạn của bước: a task's budget in working time ({@link #workingHours(int)}), its due date. */
    public static String budget(String task) {
      return task + "Budget";
    }

    /** A duration the engine's working-time calendar reads: {@code PT8H} = 8 working hours. */
    public static String workingHours(int hours) {
      return "PT" + hours + "H";
    }

    /** A duration the engine's working-time calendar reads: {@code P3D} = 3 working days. */
    public static String workingDays(int days) {
      return "P" + days + "D";
    }

    private Variables() {
    }
  }

  /**
   * A timer event Java moves (e.g. during a supplement pause), with the date variable it waits for.
   *
   * @param eventId  the BPMN id of the timer event
   * @param waitsFor the variable of its {@code timeDate}, set together with every move
   */
  public record Timer(String eventId, String waitsFor) {
  }

  /**
   * Giai đoạn liên thông: the stages of a chain model, one agency each, in the order of the catalogue's
   * {@code stages}. The model runs the sub-process {@link #SCOPE} once per stage (sequential multi-instance); the
   * bean {@link #LISTENER} gives the number of stages and, on entering one, sets in its scope the stage's agency
   * ({@link Variables#AGENCY_CODE}, so its tasks go to that agency), its step budgets and
   * {@link Variables#STAGE_OBLIGATION}.
   */
  public static final class Stages {

    /** The BPMN id of the stage sub-process. */
    public static final String SCOPE = "stage";
    /** {@code ${dossierStages.count(execution)}}, {@code ${dossierStages.enter(execution)}}, {@code …leave(…)}. */
    public static final String LISTENER = "dossierStages";

    private Stages() {
    }
  }

  /** Timers Java reschedules. */
  public static final class Timers {

    /** Cảnh báo sắp đến hạn: fires at {@link Variables#WARN_AT} while the dossier is handled. */
    public static final Timer DUE_SOON = new Timer("dueSoonStart", Variables.WARN_AT);
    /** Đến hạn trả kết quả: fires at {@link Variables#DUE_AT}; the dossier is marked overdue. */
    public static final Timer OVERDUE = new Timer("overdueTimer", Variables.DUE_AT);

    public static final Set<Timer> ALL = Set.of(DUE_SOON, OVERDUE);

    /** Tạm dừng tính thời hạn: where paused timers wait until the applicant answers a supplement request. */
    public static final LocalDateTime PAUSED_UNTIL = LocalDateTime.of(2999, 12, 31, 0, 0);

    private Timers() {
    }
  }
}
