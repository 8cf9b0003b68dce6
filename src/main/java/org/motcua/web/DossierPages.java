package org.motcua.web;

import java.time.LocalDateTime;
import java.util.List;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierDocument;
import org.motcua.dossier.DossierEvent;
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

  DossierPages(Catalog catalog) {
    this.catalog = catalog;
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
      boolean resultDigitized, Integer rating, String ratingComment, boolean apologyIssued, Allows allows) {

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

  /** What the dossier's state allows, as {@link Dossier} answered when the page was built. */
  public record Allows(boolean awaitsReception, boolean awaitsSupplement, boolean awaitsPayment, boolean mayRate,
      boolean mayScan, boolean awaitsResultUpload) {

    static Allows of(Dossier d) {
      return new Allows(d.awaitsReception(), d.awaitsSupplement(), d.awaitsPayment(), d.mayBeRated(),
          d.clerkMayAddFiles(), d.awaitsResultUpload());
    }
  }

  /** A file of the dossier: a component (uploaded, scanned or reused) or the e-result. */
  public record DocumentLine(long id, boolean result, String componentCode, String componentName, String filename,
      String source, LocalDateTime uploadedAt, long sizeBytes) {

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

  /** A step waiting for an officer, with what may be decided there. */
  public record Step(String taskId, String name, String role, String agencyCode, LocalDateTime dueAt,
      String assignee, List<String> decisions) {
  }

  /** A line of a dossier list; {@code overdue} as in {@link DossierPage}. */
  public record DossierRow(String code, String procedureName, String agencyName, int status, String applicantName,
      LocalDateTime submittedAt, LocalDateTime dueAt, boolean overdue) {
  }

  public DossierPage page(Dossier d, List<WorkItem> openSteps) {
    List<DossierEvent> events = d.getHistory();
    String guide = events.stream()
        .filter(e -> org.motcua.process.ProcessContract.Decisions.SUPPLEMENT.equals(e.getDecision()))
        .reduce((first, second) -> second)
        .map(DossierEvent::getNote)
        .orElse(null);
    var a = d.getApplicant();
    return new DossierPage(d.getCode(), d.getProcedureCode(), d.getProcedureName(), d.getField(),
        agencyName(d.getAgencyCode()), d.getChannel().code(), d.getStatus().code(),
        new Applicant(a.getName(), a.getIdNumber(), a.getPhone(), a.getEmail(), a.getAddress()),
        d.isSubmittedOnBehalf() ? d.getOwnerUsername() : null, d.getSubmittedAt(), d.getReceivedAt(), d.getDueAt(), d.getFinishedAt(), d.getReturnedAt(),
        d.getTimeliness() == null ? null : d.getTimeliness().name(), d.isOverdueWithoutResult(), d.getSupplementCount(),
        guide,
        events.stream().map(this::line).toList(),
        openSteps.stream().map(DossierPages::step).toList(), d.isResultDigitized(), d.getSatisfactionRating(),
        d.getSatisfactionComment(), d.getAppointmentAt() != null, Allows.of(d));
  }

  public List<DocumentLine> documents(List<DossierDocument> files, String procedureCode) {
    java.util.Map<String, String> names = components(procedureCode).stream()
        .collect(java.util.stream.Collectors.toMap(ComponentChoice::code, ComponentChoice::name));
    return files.stream().map(f -> new DocumentLine(f.getId(), f.getKind() == DossierDocument.Kind.RESULT,
        f.getComponentCode(), f.getComponentCode() == null ? null
            : names.getOrDefault(f.getComponentCode(), f.getComponentCode()),
        f.getFilename(), f.getSource().name(), f.getUploadedAt(), f.getSizeBytes())).toList();
  }

  public List<ChargeLine> charges(List<Charge> charges) {
    return charges.stream().map(c -> new ChargeLine(c.getAmountVnd(), c.getStatus().name(),
        c.getMethod() == null ? null : c.getMethod().name(), c.getReceiptNumber(), c.getSettledAt(),
        c.getExemptionCode())).toList();
  }

  public List<ComponentChoice> components(String procedureCode) {
    return catalog.procedure(procedureCode).map(p -> p.components().stream()
        .map(c -> new ComponentChoice(c.code(), c.name(), c.required())).toList()).orElse(List.of());
  }

  public DossierRow row(Dossier d) {
    return new DossierRow(d.getCode(), d.getProcedureName(), agencyName(d.getAgencyCode()), d.getStatus().code(),
        d.getApplicant().getName(), d.getSubmittedAt(), d.getDueAt(), d.isOverdueWithoutResult());
  }

  public static Step step(WorkItem item) {
    return new Step(item.id(), item.name(), item.role(), item.agencyCode(), item.dueAt(), item.assignee(),
        item.decisions());
  }

  private Line line(DossierEvent e) {
    return new Line(e.getAt(), e.getAction().name(), e.getStatusCode(), e.getActorName(), e.getActorRole(),
        e.getActorAgency() == null ? null : agencyName(e.getActorAgency()), e.getStepName(), e.getDecision(),
        e.getNote(), e.getStepDueAt());
  }

  public String agencyName(String code) {
    return catalog.agency(code).map(Agency::name).orElse(code);
  }
}
