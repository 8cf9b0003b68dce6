package org.motcua.web;

import java.time.LocalDateTime;
import java.util.List;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierDocument;
import org.motcua.dossier.DossierMapper;
import org.motcua.dossier.DossierViews;
import org.motcua.payment.Charge;
import org.motcua.process.WorkItem;
import org.springframework.stereotype.Component;

/**
 * Turns dossiers into what the pages show. Templates get these records only, never an entity: the pages then do not
 * depend on how the dossier is stored (which the intake work is changing) and cannot lazy-load outside a transaction.
 */
@Component
public class DossierPages {

  private final Catalog catalog;
  private final DossierMapper mapper;

  DossierPages(Catalog catalog, DossierMapper mapper) {
    this.catalog = catalog;
    this.mapper = mapper;
  }

  /**
   * A dossier with its applicant, processing-control slip and open steps, and what its state allows (the dossier's
   * own answers: the pages compare no status numbers). {@code overdue}: past its appointment date with no result yet
   * (see {@link Dossier#isOverdueWithoutResult()}), the "Quá hạn" tag.
   */
  public record DossierPage(String code, String procedureCode, String procedureName, String field, String agencyName,
      int channel, int status, Applicant applicant, String submittedOnBehalfBy, LocalDateTime submittedAt, LocalDateTime receivedAt,
      LocalDateTime dueAt, LocalDateTime finishedAt, LocalDateTime returnedAt, String timeliness, boolean overdue,
      int supplementCount, String supplementGuide, List<Line> history, List<Step> openSteps,
      boolean resultDigitized, Integer rating, String ratingComment, boolean apologyIssued, Allows allows,
      Version version, List<StepLine> steps, List<String> lateCausedBy, Stage stage, boolean vneidVerified) {

    /** Waiting for reception: the applicant may still add files from the page. */
    public boolean awaitsReception() {
      return allows.awaitsReception();
    }

    public boolean awaitsSupplement() {
      return allows.awaitsSupplement();
    }

    public boolean awaitsPayment() {
      return allows.awaitsPayment();
    }

    /** Returned and not rated yet: the applicant may rate it. */
    public boolean mayRate() {
      return allows.mayRate();
    }

    /** A clerk of the agency may still scan components. */
    public boolean mayScan() {
      return allows.mayScan();
    }

    /** Processing finished and the e-result has not been uploaded yet. */
    public boolean awaitsResultUpload() {
      return allows.awaitsResultUpload();
    }
  }

  /** What the dossier's state allows, as {@link Dossier} answered in the API's view the page was built from. */
  public record Allows(boolean awaitsReception, boolean awaitsSupplement, boolean awaitsPayment, boolean mayRate,
      boolean mayScan, boolean awaitsResultUpload) {

    static Allows of(DossierViews.AllowsView a) {
      return new Allows(a.awaitsReception(), a.awaitsSupplement(), a.awaitsPayment(), a.mayBeRated(),
          a.clerkMayAddFiles(), a.awaitsResultUpload());
    }
  }

  /** A file of the dossier: a component (uploaded, scanned or reused) or the e-result. */
  /** A file of the dossier; {@code stage}: an inter-agency stage's result, {@code componentCode} its stage number. */
  public record DocumentLine(long id, boolean result, boolean stage, String componentCode, String componentName,
      String filename, String source, LocalDateTime uploadedAt, long sizeBytes) {

    public String size() {
      return sizeBytes < 1024 * 1024 ? Math.max(1, sizeBytes / 1024) + " KB"
          : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1048576.0);
    }
  }

  /** A fee of the dossier and how it was settled. */
  public record ChargeLine(long amountVnd, String status, String method, String receiptNumber,
      LocalDateTime settledAt, String exemptionCode) {

    public boolean settled() {
      return "PAID".equals(status) || "EXEMPT".equals(status);
    }

    /** Still to be paid. */
    public boolean open() {
      return "OPEN".equals(status);
    }
  }

  /** A component of the procedure, for the upload forms. */
  public record ComponentChoice(String code, String name, boolean required) {
  }

  public record Applicant(String name, String idNumber, String phone, String email, String address) {
  }

  /** One line of the processing-control slip (phiếu kiểm soát quá trình giải quyết hồ sơ). */
  public record Line(LocalDateTime at, String action, int status, String actorName, String actorRole,
      String agencyName, String stepName, String decision, String note, LocalDateTime stepDueAt) {
  }

  /**
   * A step of the handling as recorded (bước xử lý): its agency, deadline, end, the working time it took against its
   * budget, and whether it kept its deadline ({@code kept} null while open).
   */
  public record StepLine(String taskKey, String name, String role, String agencyName, LocalDateTime startedAt,
      LocalDateTime dueAt, LocalDateTime endedAt, Long budgetMinutes, Long workedMinutes, Boolean kept, String outcome,
      LocalDateTime warnedAt, LocalDateTime escalatedAt) {
  }

  /** A step waiting for an officer, with what may be decided there. */
  public record Step(String taskId, String name, String role, String agencyCode, LocalDateTime dueAt,
      String assignee, List<String> decisions) {
  }

  /** A line of a dossier list; {@code overdue} as in {@link DossierPage}. */
  public record DossierRow(String code, String procedureName, String agencyName, int status, String applicantName,
      LocalDateTime submittedAt, LocalDateTime dueAt, boolean overdue) {
  }

  /** The dossier page, from the same view the API answers with ({@link DossierMapper}), plus agency names. */
  public DossierPage page(Dossier dossier, List<WorkItem> openSteps) {
    DossierViews.DossierView v = mapper.toView(dossier, openSteps);
    String guide = v.history().stream()
        .filter(e -> org.motcua.process.ProcessContract.Decisions.SUPPLEMENT.equals(e.decision()))
        .reduce((first, second) -> second)
        .map(DossierViews.EventView::note)
        .orElse(null);
    var a = v.applicant();
    return new DossierPage(v.code(), v.procedureCode(), v.procedureName(), v.field(), agencyName(v.agencyCode()),
        v.channel(), v.status(), new Applicant(a.name(), a.idNumber(), a.phone(), a.email(), a.address()),
        v.submittedOnBehalf() ? v.submittedBy() : null, v.submittedAt(), v.receivedAt(), v.dueAt(), v.finishedAt(),
        v.returnedAt(), v.timeliness() == null ? null : v.timeliness().name(), v.allows().overdueWithoutResult(),
        v.supplementCount(), guide, v.history().stream().map(this::line).toList(),
        v.currentSteps().stream().map(DossierPages::step).toList(), v.resultDigitized(), v.satisfactionRating(),
        v.satisfactionComment(), v.appointmentAt() != null, Allows.of(v.allows()),
        version(v.procedureCode(), v.procedureValidFrom(), v.caseCode()),
        v.steps().stream().map(this::stepLine).toList(),
        v.lateCausedBy().stream().map(this::agencyName).toList(),
        v.stageNumber() == null ? null : new Stage(v.stageNumber(), v.stageCount(), v.stageName(),
            agencyName(v.stageAgencyCode()), v.stageDueAt()), v.vneidVerified());
  }

  /** Giai đoạn liên thông: where an inter-agency dossier is now, and when its stage's steps run out. */
  public record Stage(int number, int count, String name, String agencyName, LocalDateTime dueAt) {
  }

  private StepLine stepLine(DossierViews.StepRecordView s) {
    return new StepLine(s.taskKey(), s.name(), s.role(), s.agencyCode() == null ? null : agencyName(s.agencyCode()),
        s.startedAt(), s.dueAt(), s.endedAt(), s.budgetMinutes(), s.workedMinutes(), s.kept(), s.outcome(),
        s.warnedAt(), s.escalatedAt());
  }


  /**
   * The catalogue version and case a dossier is bound to, as its page names them (the officer's page and the
   * control slip): the case's name (null for a procedure with one case), the day the version came into force (null
   * for a first version) and its publication decision (null when not recorded).
   */
  public record Version(String caseCode, String caseName, java.time.LocalDate validFrom, String decisionNumber,
      java.time.LocalDate decisionDate) {
  }

  private Version version(String procedureCode, java.time.LocalDate validFrom, String caseCode) {
    var version = catalog.version(procedureCode, validFrom);
    var decision = version.map(org.motcua.catalog.Procedure::decision).orElse(null);
    String caseName = catalog.caseOf(procedureCode, validFrom, caseCode)
        .filter(c -> !org.motcua.catalog.Procedure.DEFAULT_CASE.equals(c.code()))
        .map(org.motcua.catalog.Procedure.Case::name).orElse(null);
    return new Version(caseCode, caseName, validFrom, decision == null ? null : decision.number(),
        decision == null ? null : decision.date());
  }

  /**
   * A case the applicant or clerk may choose, with what it fixes: time limit (and the online one where it differs)
   * and the fee of its common case. {@code byDefault}: the one taken when none is chosen.
   */
  public record CaseChoice(String code, String name, int durationValue, String durationUnit,
      Integer onlineDurationValue, String onlineDurationUnit, long feeVnd, String feeNote, boolean byDefault) {
  }

  /** The cases of a procedure version, for the case select of the submission forms (empty with a single case). */
  public List<CaseChoice> caseChoices(org.motcua.catalog.Procedure procedure) {
    if (!procedure.hasSeveralCases()) {
      return List.of();
    }
    return procedure.cases().stream().map(c -> new CaseChoice(c.code(), c.name(), c.duration().value(),
        c.duration().unit().name(), c.onlineDuration() == null ? null : c.onlineDuration().value(),
        c.onlineDuration() == null ? null : c.onlineDuration().unit().name(), c.feeVnd(), c.feeNote(),
        c.byDefault())).toList();
  }

  /**
   * The components a submission form asks for: those of the case chosen (or the default one); with no case chosen
   * yet among several, every case's components, required only where every case requires them.
   */
  public List<org.motcua.catalog.Procedure.Component> formComponents(org.motcua.catalog.Procedure procedure,
      String caseCode) {
    var chosen = procedure.caseOf(caseCode).or(procedure::defaultCase);
    if (chosen.isPresent()) {
      return chosen.get().components();
    }
    java.util.Map<String, org.motcua.catalog.Procedure.Component> union = new java.util.LinkedHashMap<>();
    for (var c : procedure.cases()) {
      for (var component : c.components()) {
        boolean everywhere = procedure.cases().stream().allMatch(k -> k.components().stream()
            .anyMatch(x -> x.code().equals(component.code()) && x.required()));
        union.putIfAbsent(component.code(), new org.motcua.catalog.Procedure.Component(component.code(),
            component.name(), everywhere));
      }
    }
    return List.copyOf(union.values());
  }

  /** The components of a dossier as it was submitted (its own snapshot; its catalogue version for older ones). */
  public List<ComponentChoice> components(Dossier d) {
    return d.getComponents().or(() -> catalog.caseOf(d.getProcedureCode(), d.getProcedureValidFrom(),
        d.getCaseCode()).map(org.motcua.catalog.Procedure.Case::components)).orElse(List.of()).stream()
        .map(c -> new ComponentChoice(c.code(), c.name(), c.required())).toList();
  }

  public List<DocumentLine> documents(List<DossierDocument> files, Dossier dossier) {
    java.util.Map<String, String> names = components(dossier).stream()
        .collect(java.util.stream.Collectors.toMap(ComponentChoice::code, ComponentChoice::name));
    return files.stream().map(f -> new DocumentLine(f.getId(), f.getKind() == DossierDocument.Kind.RESULT,
        f.getKind() == DossierDocument.Kind.STAGE, f.getComponentCode(), f.getComponentCode() == null ? null
            : names.getOrDefault(f.getComponentCode(), f.getComponentCode()),
        f.getFilename(), f.getSource().name(), f.getUploadedAt(), f.getSizeBytes())).toList();
  }

  public List<ChargeLine> charges(List<Charge> charges) {
    return charges.stream().map(c -> new ChargeLine(c.getAmountVnd(), c.getStatus().name(),
        c.getMethod() == null ? null : c.getMethod().name(), c.getReceiptNumber(), c.getSettledAt(),
        c.getExemptionCode())).toList();
  }

  /** The components a submission form shows, for the case chosen (see {@link #formComponents}). */
  public List<ComponentChoice> components(org.motcua.catalog.Procedure procedure, String caseCode) {
    return formComponents(procedure, caseCode).stream()
        .map(c -> new ComponentChoice(c.code(), c.name(), c.required())).toList();
  }

  public DossierRow row(Dossier d) {
    return new DossierRow(d.getCode(), d.getProcedureName(), agencyName(d.getAgencyCode()), d.getStatus().code(),
        d.getApplicant().getName(), d.getSubmittedAt(), d.getDueAt(), d.isOverdueWithoutResult());
  }

  private static Step step(DossierViews.StepView step) {
    return new Step(step.taskId(), step.name(), step.role(), step.agencyCode(), step.dueAt(), step.assignee(),
        step.decisions());
  }

  private Line line(DossierViews.EventView e) {
    return new Line(e.at(), e.action().name(), e.status(), e.actorName(), e.actorRole(),
        e.actorAgency() == null ? null : agencyName(e.actorAgency()), e.stepName(), e.decision(), e.note(),
        e.stepDueAt());
  }

  public String agencyName(String code) {
    return catalog.agency(code).map(Agency::name).orElse(code);
  }
}
