package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.Procedure;
import org.motcua.common.ApiException;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract.Decisions;
import org.motcua.process.ProcessContract.Messages;
import org.motcua.process.ProcessContract.Tasks;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.process.TaskAlreadyHandledException;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.motcua.security.UserAccounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossier use cases: submitting online or at the counter, following a dossier, supplying documents, asking to
 * withdraw, and officers' work on tasks. Each runs in one transaction with the process engine, so dossier state and
 * process state never disagree.
 */
@Service
public class DossierService {

  /** Decisions that must say why (the note becomes the written guide, the refusal or the apology's reason). */
  private static final Set<String> DECISIONS_NEEDING_NOTE = Set.of(Decisions.SUPPLEMENT, Decisions.REFUSE,
      Decisions.REWORK, Decisions.APOLOGIZE);

  private final DossierRepository dossiers;
  private final DossierCodes codes;
  private final Catalog catalog;
  private final DossierProcess process;
  private final DossierDocuments documents;
  private final Deadlines deadlines;
  private final UserAccounts accounts;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final DossierMetrics metrics;

  private final TrackingGuard trackingGuard;
  private final org.springframework.transaction.support.TransactionTemplate readOnly;

  DossierService(DossierRepository dossiers, DossierCodes codes, Catalog catalog, DossierProcess process,
      DossierDocuments documents, Deadlines deadlines, UserAccounts accounts, Clock clock,
      ApplicationEventPublisher events, DossierMetrics metrics, TrackingGuard trackingGuard,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.trackingGuard = trackingGuard;
    this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.metrics = metrics;
    this.dossiers = dossiers;
    this.codes = codes;
    this.catalog = catalog;
    this.process = process;
    this.documents = documents;
    this.deadlines = deadlines;
    this.accounts = accounts;
    this.clock = clock;
    this.events = events;
  }

  /** Nộp hồ sơ trực tuyến: status 1 and a reception task for the competent agency's clerks. */
  @Transactional
  public Dossier submitOnline(MotcuaUser citizen, DossierRequests.SubmitDossier request) {
    Procedure procedure = procedure(request.procedureCode());
    if (!procedure.onlineLevel().offeredOnline()) {
      throw ApiException.badRequest("PROCEDURE_NOT_ONLINE", procedure.code());
    }
    FeeSchedule.Quote fee = fee(procedure, request.feeQuantities());
    LocalDateTime now = LocalDateTime.now(clock);
    Applicant applicant = applicant(request.applicant(), now);
    String code = codes.next(procedure.agencyCode(), now.toLocalDate());
    Dossier dossier = dossiers.save(Dossier.submitOnline(code, procedure, fee, catalog.path(procedure.agencyCode()),
        applicant, citizen, now, Actor.of(citizen)));
    return start(dossier, procedure, Channel.ONLINE);
  }

  /**
   * Online submission together with its component files, one file per component code. One transaction: when a file
   * is refused (unknown component, type, size), no dossier is stored either.
   */
  @Transactional
  public Dossier submitOnline(MotcuaUser citizen, DossierRequests.SubmitDossier request,
      Map<String, org.springframework.web.multipart.MultipartFile> files) {
    Dossier dossier = submitOnline(citizen, request);
    documents.attachSubmitted(citizen, dossier, files);
    return dossier;
  }

  /**
   * Tiếp nhận trực tiếp / qua bưu chính: a clerk of the competent agency enters the dossier; reception happens at
   * once and the clerk then digitizes its paper components. If the applicant has an account (same CCCD or tax code),
   * they can follow it online.
   */
  @Transactional
  public Dossier enterAtCounter(MotcuaUser clerk, DossierRequests.EnterDossier request) {
    Procedure procedure = procedure(request.procedureCode());
    if (!clerk.is(Role.CLERK) || !procedure.agencyCode().equals(clerk.agencyCode())) {
      throw ApiException.forbidden("PROCEDURE_NOT_OF_YOUR_AGENCY", procedure.code());
    }
    Channel channel = channel(request.channel());
    if (channel == Channel.ONLINE) {
      throw ApiException.badRequest("COUNTER_CHANNEL_REQUIRED");
    }
    String tracking = blankToNull(request.postalTrackingNumber());
    if (channel == Channel.POSTAL && tracking == null) {
      throw ApiException.badRequest("TRACKING_NUMBER_REQUIRED");
    }
    Channel delivery = request.resultDelivery() == null ? Channel.COUNTER : channel(request.resultDelivery());
    FeeSchedule.Quote fee = fee(procedure, request.feeQuantities());
    LocalDateTime now = LocalDateTime.now(clock);
    Applicant applicant = applicant(request.applicant(), now);
    String owner = accounts.citizenWithIdNumber(applicant.getIdNumber()).map(MotcuaUser::username).orElse(null);
    String code = codes.next(procedure.agencyCode(), now.toLocalDate());
    Dossier dossier = dossiers.save(Dossier.enterAtCounter(code, procedure, fee, catalog.path(procedure.agencyCode()),
        applicant, owner, channel, delivery, tracking, now, Actor.of(clerk)));
    return start(dossier, procedure, channel);
  }

  private Dossier start(Dossier dossier, Procedure procedure, Channel channel) {
    events.publishEvent(new DossierChanged(null, DossierFacts.of(dossier)));
    // Only what the model reads: each engine variable is a row written, read at every step and deleted at the end.
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.AGENCY_CODE, procedure.agencyCode());
    variables.put(Variables.CHANNEL, channel.code());
    // A fee due at submission is asked for before reception; one due before the result, after processing finished.
    variables.put(Variables.PAYMENT_AT_SUBMISSION, dossier.isFeeDueAtSubmission());
    // Each step's budget becomes its task's due date through the working-time business calendar.
    procedure.steps().forEach(step -> variables.put(Variables.budget(step.task()),
        Variables.workingHours(step.workingHours())));
    dossier.attachProcess(process.start(procedure.processKey(), dossier.getCode(), variables));
    return shown(dossier);
  }

  private static FeeSchedule.Quote fee(Procedure procedure, Map<String, Integer> declared) {
    try {
      return procedure.fee().quote(declared == null ? Map.of() : declared);
    } catch (FeeSchedule.QuantityException ex) {
      throw ApiException.badRequest(ex.reason(), ex.quantity(), procedure.code());
    }
  }

  private Procedure procedure(String code) {
    return catalog.procedure(code).orElseThrow(() -> ApiException.badRequest("UNKNOWN_PROCEDURE", code));
  }

  private static Channel channel(int code) {
    return java.util.Arrays.stream(Channel.values()).filter(c -> c.code() == code).findFirst()
        .orElseThrow(() -> ApiException.badRequest("INVALID_CHANNEL", code));
  }

  private static Applicant applicant(DossierRequests.ApplicantInput input, LocalDateTime now) {
    String idNumber = input.idNumber().trim();
    if (!IdentityNumbers.isValid(idNumber, Year.from(now))) {
      throw ApiException.badRequest("INVALID_ID_NUMBER", idNumber);
    }
    return new Applicant(input.name().trim(), idNumber, input.phone(), input.email(), input.address());
  }

  @Transactional(readOnly = true)
  public Dossier read(MotcuaUser user, String code) {
    Dossier dossier = find(code);
    DossierAccess.checkRead(user, dossier);
    return withHistory(dossier);
  }

  /**
   * Public tracking (tra cứu hồ sơ): anyone holding the receipt, with the last digits of the applicant's phone.
   * A wrong code and wrong digits look the same, so the answer does not reveal which codes exist. Each guess takes
   * its slot in the {@link TrackingGuard}'s counters before it is evaluated (per code and client address, per
   * address, per code), so the digits cannot be guessed even in parallel; a right answer gives the slots back.
   *
   * @param clientAddress the caller's address ({@code request.getRemoteAddr()}, after trusted proxies)
   */
  public java.util.Optional<Dossier> track(String code, String phoneLastDigits, String clientAddress) {
    // Not inside a transaction: the slots commit on their own connection first, and a request never holds two
    // connections at once (a burst of guesses must not exhaust the pool).
    var slots = trackingGuard.take(code, clientAddress);
    java.util.Optional<Dossier> found = readOnly.execute(status -> dossiers.findByCode(code)
        .filter(d -> phoneLastDigits != null && phoneLastDigits.length() >= 4 && d.getApplicant().getPhone() != null
            && d.getApplicant().getPhone().endsWith(phoneLastDigits))
        .map(DossierService::withHistory));
    if (found.isPresent()) {
      trackingGuard.giveBack(slots);
    }
    return found;
  }

  /** The dossiers a user may follow: a citizen's own, an officer's agency's (a supervisor's subtree), or all. */
  @Transactional(readOnly = true)
  public Page<Dossier> list(MotcuaUser user, int page, int size) {
    PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100),
        Sort.by(Sort.Direction.DESC, "submittedAt", "id"));
    return switch (user.role()) {
      case ADMIN -> dossiers.findAll(request);
      case CITIZEN -> dossiers.findByOwnerUsername(user.username(), request);
      case SUPERVISOR -> dossiers.findWithinAgency(user.agencyCode(), request);
      // Officers handle their own agency's dossiers only, not those of the units below it (as DossierAccess rules).
      default -> dossiers.findByAgencyCode(user.agencyCode(), request);
    };
  }

  /**
   * Nộp bổ sung: the applicant (online) or a clerk of the agency (at the counter) answers the supplement request.
   * Before reception the dossier goes back to reception; after it the due date moves by the paused working time.
   */
  @Transactional
  public Dossier provideSupplement(MotcuaUser user, String code, String note) {
    Dossier dossier = find(code);
    DossierAccess.checkOwnerOrClerk(user, dossier);
    dossier.supplementRefusal().ifPresent(DossierRefusal::raise);
    LocalDateTime now = LocalDateTime.now(clock);
    DossierFacts before = DossierFacts.of(dossier);
    LocalDateTime newDue = dossier.isPaused()
        ? deadlines.afterPause(dossier.getDueAt(), dossier.getPausedAt(), now) : null;
    dossier.supplementProvided(now, Actor.of(user), note, newDue);
    events.publishEvent(new DossierChanged(before, DossierFacts.of(dossier)));
    if (newDue != null) {
      LocalDateTime warnAt = deadlines.warnAt(now, newDue);
      process.setVariables(code, Deadlines.variables(newDue, warnAt));
      process.rescheduleTimers(code, Deadlines.timers(newDue, warnAt));
    }
    process.correlate(Messages.SUPPLEMENT_PROVIDED, code, Map.of());
    return shown(dossier);
  }

  /**
   * Đánh giá mức độ hài lòng: the applicant rates a returned dossier once, 1 (very unsatisfied) to 5 (very satisfied),
   * with an optional comment; the rating goes on the processing-control slip.
   */
  @Transactional
  public Dossier rate(MotcuaUser citizen, String code, int rating, String comment) {
    Dossier dossier = find(code);
    DossierAccess.checkOwner(citizen, dossier);
    if (rating < 1 || rating > 5) {
      throw ApiException.badRequest("INVALID_RATING", rating);
    }
    String text = blankToNull(comment);
    if (text != null && text.length() > 1000) {
      throw ApiException.badRequest("RATING_COMMENT_TOO_LONG", 1000);
    }
    dossier.ratingRefusal().ifPresent(DossierRefusal::raise);
    dossier.rate(LocalDateTime.now(clock), Actor.of(citizen), rating, text);
    return shown(dossier);
  }

  /** Công dân yêu cầu rút hồ sơ: status 7 until a clerk confirms (status 8) or refuses. */
  @Transactional
  public Dossier requestWithdrawal(MotcuaUser citizen, String code, String reason) {
    Dossier dossier = find(code);
    DossierAccess.checkOwner(citizen, dossier);
    dossier.withdrawalRefusal().ifPresent(DossierRefusal::raise);
    DossierFacts before = DossierFacts.of(dossier);
    dossier.requestWithdrawal(LocalDateTime.now(clock), Actor.of(citizen), reason.trim());
    events.publishEvent(new DossierChanged(before, DossierFacts.of(dossier)));
    process.correlate(Messages.WITHDRAWAL_REQUESTED, code, Map.of());
    return shown(dossier);
  }

  @Transactional(readOnly = true)
  public Inbox inbox(MotcuaUser officer, int page, int size) {
    String group = officer.taskGroup();
    int max = Math.min(Math.max(size, 1), 100);
    List<WorkItem> items = process.tasks(group, Math.max(page, 0) * max, max);
    Map<String, Dossier> byCode = dossiers.findByCodeIn(items.stream().map(WorkItem::dossierCode).toList())
        .stream().collect(Collectors.toMap(Dossier::getCode, d -> d));
    return new Inbox(items, byCode, process.countTasks(group));
  }

  /** Officers' inbox page: their agency-and-role tasks, with the dossiers they belong to. */
  public record Inbox(List<WorkItem> items, Map<String, Dossier> dossiers, long total) {
  }

  @Transactional
  public WorkItem claim(MotcuaUser officer, String taskId) {
    WorkItem task = officersTask(officer, taskId);
    try {
      if (task.assignee() == null) {
        process.claim(taskId, officer.username());
      }
    } catch (TaskAlreadyHandledException concurrent) {
      throw ApiException.conflict("TASK_ALREADY_DONE", taskId);
    }
    return process.task(taskId).orElseThrow();
  }

  /** Completes an officer's task with one of the decisions the model offers there, and writes it on the slip. */
  @Transactional
  public Dossier complete(MotcuaUser officer, String taskId, DossierRequests.CompleteTask request) {
    long started = System.nanoTime();
    WorkItem task = officersTask(officer, taskId);
    String decision = request.decision().trim();
    if (!task.decisions().contains(decision)) {
      throw ApiException.badRequest("DECISION_NOT_OFFERED", decision, task.name(), String.join(", ", task.decisions()));
    }
    String note = blankToNull(request.note());
    if (note == null && DECISIONS_NEEDING_NOTE.contains(decision)) {
      throw ApiException.badRequest("NOTE_REQUIRED", decision);
    }
    // Locked: a second completion of the same task waits here, then finds the task gone (409), never half-applied.
    Dossier dossier = dossiers.lockByCode(task.dossierCode())
        .orElseThrow(() -> ApiException.notFound("UNKNOWN_DOSSIER", task.dossierCode()));
    LocalDateTime now = LocalDateTime.now(clock);
    checkPreconditions(dossier, task, decision, request, now);
    dossier.record(DossierAction.TASK_COMPLETED, now, Actor.of(officer))
        .step(task.taskKey(), task.name(), task.dueAt())
        .decision(decision, note);
    if (Decisions.APOLOGIZE.equals(decision)) {
      dossier.apologize(now, Actor.of(officer), request.newAppointment(), note);
    }
    if (Decisions.RETURN.equals(decision) && dossier.getResultDelivery() == Channel.POSTAL) {
      dossier.sentByPost(request.trackingNumber().trim());
    }
    if (Decisions.DIGITIZED.equals(decision) || Decisions.ACCEPT.equals(decision)) {
      documents.depositComponents(dossier);
    }
    try {
      // The note is on the dossier's history line; the model's gateways read only the decision.
      process.complete(taskId, task.assignee() == null ? officer.username() : null,
          Map.of(Variables.DECISION, decision));
    } catch (TaskAlreadyHandledException concurrent) {
      throw ApiException.conflict("TASK_ALREADY_DONE", taskId);
    }
    metrics.taskCompleted(task.taskKey(), java.time.Duration.ofNanos(System.nanoTime() - started));
    return shown(dossier);
  }

  /** What must be true before a decision is taken: the rules a clerk would check by hand. */
  private void checkPreconditions(Dossier dossier, WorkItem task, String decision,
      DossierRequests.CompleteTask request, LocalDateTime now) {
    // While a withdrawal waits for confirmation, only its own task may be completed.
    if (!Tasks.WITHDRAWAL_REVIEW.equals(task.taskKey())) {
      dossier.otherWorkRefusal().ifPresent(DossierRefusal::raise);
    }
    switch (decision) {
      case Decisions.ACCEPT -> {
        if (!dossier.isComponentsDigitized()) {
          throw ApiException.badRequest("COMPONENTS_MISSING", String.join(", ", documents.missing(dossier)));
        }
      }
      case Decisions.DIGITIZED -> {
        if (!dossier.isComponentsDigitized()) {
          throw ApiException.badRequest("COMPONENTS_NOT_DIGITIZED", String.join(", ", documents.missing(dossier)));
        }
      }
      case Decisions.RETURN -> dossier.returnRefusal(request.trackingNumber()).ifPresent(DossierRefusal::raise);
      case Decisions.APOLOGIZE -> dossier.apologyRefusal(now, request.newAppointment()).ifPresent(DossierRefusal::raise);
      default -> {
      }
    }
  }

  /** The task, if it is offered to this officer's agency and role and nobody else holds it. */
  private WorkItem officersTask(MotcuaUser officer, String taskId) {
    WorkItem task = process.task(taskId).orElseThrow(() -> ApiException.notFound("TASK_NOT_FOUND", taskId));
    // The task's candidate group (ROLE@agency) came with it: no second query to ask whether it is offered to them.
    String group = task.role() == null ? null : task.role() + "@" + task.agencyCode();
    // Another agency's task belongs to a dossier this officer may not see: answered as a task that does not exist.
    if (!officer.role().isOfficer() || officer.is(Role.SUPERVISOR) || task.agencyCode() == null
        || !task.agencyCode().equals(officer.agencyCode())) {
      throw ApiException.notFound("TASK_NOT_FOUND", taskId);
    }
    if (group == null || !group.equals(officer.taskGroup())) {
      throw ApiException.forbidden("TASK_NOT_YOURS", taskId);
    }
    if (task.assignee() != null && !task.assignee().equals(officer.username())) {
      throw ApiException.conflict("TASK_CLAIMED_BY_OTHER", taskId, task.assignee());
    }
    return task;
  }

  @Transactional(readOnly = true)
  public List<WorkItem> openSteps(String code) {
    return process.tasksOfDossier(code);
  }

  /** Loads the history while the transaction is open: views are built after it ends. */
  private static Dossier withHistory(Dossier dossier) {
    dossier.getHistory().size();
    return dossier;
  }

  /**
   * What the answer to a change shows, loaded while its transaction is open: the history, and the process's open
   * steps as the change left them (the answer names the next step; reading them here saves a second transaction).
   */
  private Dossier shown(Dossier dossier) {
    dossier.showOpenSteps(process.tasksOfDossier(dossier.getCode()));
    return withHistory(dossier);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  Dossier find(String code) {
    return dossiers.findByCode(code).orElseThrow(() -> DossierAccess.unknown(code));
  }
}
