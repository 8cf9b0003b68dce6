package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.common.ApiException;
import org.motcua.process.DossierProcess;
import org.motcua.process.TaskAlreadyHandledException;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossier use cases: submitting online, following a dossier, supplying documents, and officers' work on tasks.
 * Each runs in one transaction with the process engine, so dossier state and process state never disagree.
 */
@Service
public class DossierService {

  /** Decisions that must say why (the note becomes the written guide or the refusal reason). */
  private static final Set<String> DECISIONS_NEEDING_NOTE = Set.of("supplement", "refuse", "rework");
  static final String SUPPLEMENT_MESSAGE = "SupplementProvided";

  private final DossierRepository dossiers;
  private final DossierCodes codes;
  private final Catalog catalog;
  private final DossierProcess process;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  DossierService(DossierRepository dossiers, DossierCodes codes, Catalog catalog, DossierProcess process,
      Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.dossiers = dossiers;
    this.codes = codes;
    this.catalog = catalog;
    this.process = process;
    this.clock = clock;
  }

  /** Nộp hồ sơ trực tuyến: status 1 and a reception task for the competent agency's clerks. */
  @Transactional
  public Dossier submitOnline(MotcuaUser citizen, DossierRequests.SubmitDossier request) {
    Procedure procedure = catalog.procedure(request.procedureCode())
        .orElseThrow(() -> ApiException.badRequest("UNKNOWN_PROCEDURE", request.procedureCode()));
    if (!procedure.onlineLevel().offeredOnline()) {
      throw ApiException.badRequest("PROCEDURE_NOT_ONLINE", procedure.code());
    }
    DossierRequests.ApplicantInput input = request.applicant();
    String idNumber = input.idNumber().trim();
    LocalDateTime now = LocalDateTime.now(clock);
    if (!IdentityNumbers.isValid(idNumber, Year.from(now))) {
      throw ApiException.badRequest("INVALID_ID_NUMBER", idNumber);
    }
    Applicant applicant = new Applicant(input.name().trim(), idNumber, input.phone(), input.email(), input.address());
    String code = codes.next(procedure.agencyCode(), now.toLocalDate());
    Dossier dossier = dossiers.save(Dossier.submitOnline(code, procedure, catalog.path(procedure.agencyCode()),
        applicant, citizen.username(), now, Actor.of(citizen)));
    events.publishEvent(new DossierChanged(null, DossierFacts.of(dossier)));
    dossier.attachProcess(process.start(procedure.processKey(), code, processVariables(procedure)));
    return dossier;
  }

  /** What the BPMN model reads: the agency for candidate groups, and each step's budget for its task's due date. */
  private static Map<String, Object> processVariables(Procedure procedure) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("agencyCode", procedure.agencyCode());
    variables.put("procedureCode", procedure.code());
    procedure.steps().forEach(step -> variables.put(step.task() + "Budget", "PT" + step.workingHours() + "H"));
    return variables;
  }

  @Transactional(readOnly = true)
  public Dossier read(MotcuaUser user, String code) {
    Dossier dossier = find(code);
    DossierAccess.checkRead(user, dossier);
    return withHistory(dossier);
  }

  /** The dossiers a user may follow: a citizen's own, an officer's agency's (a supervisor's subtree), or all. */
  @Transactional(readOnly = true)
  public Page<Dossier> list(MotcuaUser user, int page, int size) {
    PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100),
        Sort.by(Sort.Direction.DESC, "submittedAt", "id"));
    return switch (user.role()) {
      case ADMIN -> dossiers.findAll(request);
      case CITIZEN -> dossiers.findByOwnerUsername(user.username(), request);
      default -> dossiers.findWithinAgency(user.agencyCode(), request);
    };
  }

  /** Nộp bổ sung: the applicant answers the supplement request; the dossier goes back to reception. */
  @Transactional
  public Dossier provideSupplement(MotcuaUser citizen, String code, String note) {
    Dossier dossier = find(code);
    DossierAccess.checkOwner(citizen, dossier);
    if (dossier.getStatus() != DossierStatus.SUPPLEMENT_REQUESTED) {
      throw ApiException.conflict("NO_SUPPLEMENT_REQUESTED", code);
    }
    DossierFacts before = DossierFacts.of(dossier);
    dossier.supplementProvided(LocalDateTime.now(clock), Actor.of(citizen), note);
    events.publishEvent(new DossierChanged(before, DossierFacts.of(dossier)));
    process.correlate(SUPPLEMENT_MESSAGE, code, Map.of());
    return withHistory(dossier);
  }

  @Transactional(readOnly = true)
  public Inbox inbox(MotcuaUser officer, int page, int size) {
    String group = officer.taskGroup();
    int max = Math.min(Math.max(size, 1), 100);
    List<WorkItem> items = process.tasks(group, Math.max(page, 0) * max, max);
    Map<String, Dossier> byCode = dossiers.findByCodeIn(items.stream().map(WorkItem::dossierCode).toList())
        .stream().collect(java.util.stream.Collectors.toMap(Dossier::getCode, d -> d));
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
    WorkItem task = officersTask(officer, taskId);
    String decision = request.decision().trim();
    if (!task.decisions().contains(decision)) {
      throw ApiException.badRequest("DECISION_NOT_OFFERED", decision, task.name(), String.join(", ", task.decisions()));
    }
    String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
    if (note == null && DECISIONS_NEEDING_NOTE.contains(decision)) {
      throw ApiException.badRequest("NOTE_REQUIRED", decision);
    }
    Dossier dossier = find(task.dossierCode());
    dossier.record(DossierAction.TASK_COMPLETED, LocalDateTime.now(clock), Actor.of(officer))
        .step(task.taskKey(), task.name(), task.dueAt())
        .decision(decision, note);
    try {
      if (task.assignee() == null) {
        process.claim(taskId, officer.username());
      }
      Map<String, Object> variables = new java.util.HashMap<>();
      variables.put("decision", decision);
      variables.put("note", note);
      process.complete(taskId, variables);
    } catch (TaskAlreadyHandledException concurrent) {
      throw ApiException.conflict("TASK_ALREADY_DONE", taskId);
    }
    return withHistory(dossier);
  }

  /** The task, if it is offered to this officer's agency and role and nobody else holds it. */
  private WorkItem officersTask(MotcuaUser officer, String taskId) {
    WorkItem task = process.task(taskId).orElseThrow(() -> ApiException.notFound("TASK_NOT_FOUND", taskId));
    if (!officer.role().isOfficer() || officer.is(Role.SUPERVISOR) || !process.isOfferedTo(taskId, officer.taskGroup())) {
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

  Dossier find(String code) {
    return dossiers.findByCode(code).orElseThrow(() -> ApiException.notFound("UNKNOWN_DOSSIER", code));
  }
}
