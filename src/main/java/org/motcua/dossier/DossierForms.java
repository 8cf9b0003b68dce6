package org.motcua.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.common.ApiException;
import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;
import org.motcua.common.WebConfig;
import org.motcua.forms.ApologyNotice;
import org.motcua.forms.ApplicantInfo;
import org.motcua.forms.ControlSlip;
import org.motcua.forms.FormHeader;
import org.motcua.forms.FormPdfs;
import org.motcua.forms.PaymentReceipt;
import org.motcua.forms.ReceiptSlip;
import org.motcua.payment.Charge;
import org.motcua.payment.Payments;
import org.motcua.process.ProcessContract.Decisions;
import org.motcua.forms.RefusalNotice;
import org.motcua.forms.Register;
import org.motcua.forms.SupplementRequest;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printable forms of a dossier (Circular 01/2018/TT-VPCP, now 03/2025/TT-VPCP): 01 receipt and appointment,
 * 02 supplement request, 03 refusal, 04 apology and new appointment, the processing-control slip, and the register.
 * Official forms are always in Vietnamese.
 */
@Service
public class DossierForms implements org.motcua.common.UseCase {

  /** No form by that name. Args: name. */
  static final Refusal UNKNOWN_FORM = Refusal.of("UNKNOWN_FORM", HttpStatus.NOT_FOUND);
  /** The dossier has not reached the step that issues this form. Args: form, code. */
  static final Refusal FORM_NOT_AVAILABLE = Refusal.of("FORM_NOT_AVAILABLE", HttpStatus.CONFLICT);
  /** A register's period ends before it starts or is too long. Args: from, to. */
  static final Refusal INVALID_PERIOD = Refusal.of("INVALID_PERIOD", HttpStatus.BAD_REQUEST, "from");
  /** Args: agency code. */
  static final Refusal UNKNOWN_AGENCY = Refusal.of("UNKNOWN_AGENCY", HttpStatus.BAD_REQUEST, "agency");
  /** An agency outside the caller's own (an officer) or subtree (a supervisor). Args: agency code. */
  static final Refusal REPORT_SCOPE_DENIED = Refusal.of("REPORT_SCOPE_DENIED", HttpStatus.FORBIDDEN, "agency");
  /** Args: the most rows a printed register holds. */
  static final Refusal REGISTER_TOO_LARGE = Refusal.of("REGISTER_TOO_LARGE", HttpStatus.BAD_REQUEST);

  @Override
  public java.util.Set<Refusal> refusals() {
    return java.util.Set.of(AccessRefusal.UNKNOWN_DOSSIER, UNKNOWN_FORM, FORM_NOT_AVAILABLE, INVALID_PERIOD,
        UNKNOWN_AGENCY, REPORT_SCOPE_DENIED, REGISTER_TOO_LARGE);
  }

  /** The forms a dossier may have, by the name used in the URL. */
  public enum Form {
    RECEIPT, SUPPLEMENT_REQUEST, REFUSAL, APOLOGY, CONTROL_SLIP, PAYMENT_RECEIPT;

    /** receipt, supplement-request, …; anything else is an unknown form (404). */
    static Form byUrlName(String name) {
      return java.util.Arrays.stream(values())
          .filter(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(name))
          .findFirst().orElseThrow(() -> UNKNOWN_FORM.exception(name));
    }
  }

  /** A printed register beyond this is unreadable; the reports' CSV exports serve larger periods. */
  static final int MAX_REGISTER_ROWS = 5000;

  private final FollowDossier dossiers;
  private final DossierRepository repository;
  private final DossierDocumentRepository documents;
  private final Catalog catalog;
  private final FormPdfs pdfs;
  private final Payments payments;
  private final MessageSource messages;
  private final String place;
  private final String publicUrl;

  DossierForms(FollowDossier dossiers, DossierRepository repository, DossierDocumentRepository documents,
      Catalog catalog, FormPdfs pdfs, Payments payments, MessageSource messages,
      @Value("${motcua.forms.place}") String place,
      @Value("${motcua.forms.public-url:http://localhost:8080}") String publicUrl) {
    this.dossiers = dossiers;
    this.repository = repository;
    this.documents = documents;
    this.catalog = catalog;
    this.pdfs = pdfs;
    this.payments = payments;
    this.messages = messages;
    this.place = place;
    this.publicUrl = publicUrl;
  }

  /** The form named in the URL; access to the dossier is checked first, so a stranger learns nothing from the name. */
  @Transactional(readOnly = true)
  public byte[] render(MotcuaUser user, String code, String formName) {
    Dossier d = dossiers.read(user, code);
    return switch (Form.byUrlName(formName)) {
      case RECEIPT -> pdfs.receiptSlip(receipt(d));
      case SUPPLEMENT_REQUEST -> pdfs.supplementRequest(supplementRequest(d));
      case REFUSAL -> pdfs.refusalNotice(refusal(d));
      case APOLOGY -> pdfs.apologyNotice(apology(d));
      case CONTROL_SLIP -> pdfs.controlSlip(controlSlip(d));
      case PAYMENT_RECEIPT -> pdfs.paymentReceipt(paymentReceipt(d));
    };
  }

  private ReceiptSlip receipt(Dossier d) {
    DossierEvent received = last(d, e -> e.getAction() == DossierAction.RECEIVED)
        .orElseThrow(() -> notAvailable(d, Form.RECEIPT));
    Map<String, DossierDocument> files = documents.findByDossierOrderByIdAsc(d).stream()
        .filter(doc -> doc.getKind() == DossierDocument.Kind.COMPONENT)
        .collect(Collectors.toMap(DossierDocument::getComponentCode, doc -> doc, (a, b) -> a));
    List<ReceiptSlip.Component> components = d.getComponents()
        .or(() -> procedure(d).map(Procedure::components)).orElse(List.of()).stream()
        .filter(c -> c.required() || files.containsKey(c.code()))
        .map(c -> new ReceiptSlip.Component(c.name(),
            files.containsKey(c.code()) ? text("form.source." + files.get(c.code()).getSource()) : "",
            1, files.containsKey(c.code())))
        .toList();
    return new ReceiptSlip(header(d), d.getCode(), d.getProcedureName(), applicant(d), components,
        d.getDurationValue() + " " + text("form.unit." + d.getDurationUnit()),
        d.getReceivedAt(), d.getDueAt(), text("form.channel." + d.getChannel()),
        text("form.channel." + (d.getResultDelivery() == null ? Channel.ONLINE : d.getResultDelivery())),
        received.getActorName(), text("form.register"), d.getCode(),
        publicUrl + "/tra-cuu?code=" + d.getCode());
  }

  private SupplementRequest supplementRequest(Dossier d) {
    DossierEvent asked = last(d, e -> e.getAction() == DossierAction.TASK_COMPLETED
        && Decisions.SUPPLEMENT.equals(e.getDecision())).orElseThrow(() -> notAvailable(d, Form.SUPPLEMENT_REQUEST));
    List<SupplementRequest.Item> items = new ArrayList<>();
    items.add(new SupplementRequest.Item(text("form.supplement.guide"), asked.getNote()));
    return new SupplementRequest(header(d), d.getCode(), d.getProcedureName(), applicant(d), items,
        procedure(d).map(Procedure::legalBasis).orElse(null), asked.getActorName(), asked.getAt().toLocalDate());
  }

  private RefusalNotice refusal(Dossier d) {
    DossierEvent refused = last(d, e -> e.getAction() == DossierAction.TASK_COMPLETED
        && Decisions.REFUSE.equals(e.getDecision())).orElseThrow(() -> notAvailable(d, Form.REFUSAL));
    return new RefusalNotice(header(d), d.getCode(), d.getProcedureName(), applicant(d), refused.getNote(),
        refused.getActorName(), refused.getAt().toLocalDate());
  }

  private ApologyNotice apology(Dossier d) {
    DossierEvent apology = last(d, e -> e.getAction() == DossierAction.APOLOGY_ISSUED)
        .orElseThrow(() -> notAvailable(d, Form.APOLOGY));
    return new ApologyNotice(header(d), d.getCode(), d.getProcedureName(), applicant(d), d.getReceivedAt(),
        d.getDueAt(), apology.getNote(), d.getAppointmentAt(), text("form.signer." + apology.getActorRole()),
        apology.getActorName(), apology.getAt().toLocalDate());
  }

  /** Biên lai điện tử: the paid charge (online or at the counter). */
  private PaymentReceipt paymentReceipt(Dossier d) {
    Charge paid = payments.of(d.getCode()).stream().filter(c -> c.getStatus() == Charge.Status.PAID)
        .reduce((first, second) -> second).orElseThrow(() -> notAvailable(d, Form.PAYMENT_RECEIPT));
    return new PaymentReceipt(header(d), paid.getReceiptNumber(), d.getCode(), d.getProcedureName(), applicant(d),
        paid.getAmountVnd(), d.getFeeDetail() == null ? List.of() : d.getFeeDetail().lines().toList(),
        text("form.payment." + paid.getMethod()), paid.getSettledAt(), paid.getSettledBy());
  }

  /** Each completed task is a line: who handed over to whom, when, against the step's own deadline. */
  private ControlSlip controlSlip(Dossier d) {
    List<DossierEvent> tasks = d.getHistory().stream()
        .filter(e -> e.getAction() == DossierAction.TASK_COMPLETED).toList();
    List<ControlSlip.Step> steps = new ArrayList<>();
    // The step records, completed ones in order of completion: each history line takes the first of its task.
    List<DossierStep> completed = new ArrayList<>(d.getSteps().stream()
        .filter(s -> s.getOutcome() == DossierStep.Outcome.COMPLETED)
        .sorted(java.util.Comparator.comparing(DossierStep::getEndedAt)).toList());
    for (int i = 0; i < tasks.size(); i++) {
      DossierEvent e = tasks.get(i);
      ControlSlip.Party to = i + 1 < tasks.size() ? party(tasks.get(i + 1)) : null;
      String result = text("decision." + e.getDecision()) + (e.getNote() == null ? "" : ": " + e.getNote());
      DossierStep record = completed.stream().filter(s -> s.getTaskKey().equals(e.getStep())).findFirst()
          .orElse(null);
      if (record == null) {
        steps.add(new ControlSlip.Step(e.getStepName(), party(e), to, e.getAt(), e.getStepDueAt(), result, null));
      } else {
        completed.remove(record);
        String worked = record.getWorkedMinutes() == null ? "" : " (" + text("form.step.worked",
            record.getWorkedMinutes() / 60, record.getWorkedMinutes() % 60) + ")";
        steps.add(new ControlSlip.Step(e.getStepName(), party(e), to, e.getAt(), record.getDueAt(), result + worked,
            record.getDueAt() == null ? null : !record.isOverran()));
      }
    }
    return new ControlSlip(header(d), d.getCode(), d.getProcedureName() + " (" + version(d) + ")", applicant(d),
        d.getReceivedAt(), d.getDueAt(), steps);
  }

  /** The case and the catalogue version the dossier is handled under, e.g. "Trường hợp: …; phiên bản từ 01/07/2025…". */
  private String version(Dossier d) {
    Optional<Procedure> version = procedure(d);
    String since = version.map(Procedure::validFrom).map(FORM_DATE::format).orElse(null);
    Procedure.Decision decision = version.map(Procedure::decision).orElse(null);
    String text = (since == null ? text("form.version.first") : text("form.version.from", since))
        + (decision == null ? "" : text("form.version.decision", decision.number(), FORM_DATE.format(decision.date())));
    return catalog.caseOf(d.getProcedureCode(), d.getProcedureValidFrom(), d.getCaseCode())
        .filter(c -> !Procedure.DEFAULT_CASE.equals(c.code()))
        .map(c -> text("form.version.case", c.name()) + "; " + text).orElse(text);
  }

  private static final java.time.format.DateTimeFormatter FORM_DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * Sổ theo dõi hồ sơ: dossiers received in a period by an agency — with the units below it for supervisors and
   * admins, the agency alone for its officers.
   */
  @Transactional(readOnly = true)
  public byte[] register(MotcuaUser user, LocalDate from, LocalDate to, String agencyCode) {
    if (to.isBefore(from)) {
      throw INVALID_PERIOD.exception(from, to);
    }
    String agency = agencyCode == null ? user.agencyCode() : agencyCode;
    if (agency == null || catalog.agency(agency).isEmpty()) {
      throw UNKNOWN_AGENCY.exception(agencyCode);
    }
    // Supervisors and admins read an agency with the units below it; officers only their own agency's dossiers,
    // the ones they may open (DossierAccess), not those of the offices under their department.
    boolean subtree = user.is(Role.ADMIN) || (user.is(Role.SUPERVISOR) && catalog.isWithin(agency, user.agencyCode()));
    boolean ownAgency = !user.is(Role.SUPERVISOR) && user.role().isOfficer() && agency.equals(user.agencyCode());
    if (!subtree && !ownAgency) {
      throw REPORT_SCOPE_DENIED.exception(agency);
    }
    LocalDateTime start = from.atStartOfDay();
    LocalDateTime end = to.plusDays(1).atStartOfDay();
    PageRequest firstRows = PageRequest.of(0, MAX_REGISTER_ROWS + 1, Sort.by("receivedAt", "id"));
    List<Dossier> received = subtree ? repository.findReceivedWithin(agency, start, end, firstRows)
        : repository.findReceivedBy(agency, start, end, firstRows);
    if (received.size() > MAX_REGISTER_ROWS) {
      throw REGISTER_TOO_LARGE.exception(MAX_REGISTER_ROWS);
    }
    List<Register.Row> rows = new ArrayList<>();
    for (Dossier d : received) {
      rows.add(new Register.Row(rows.size() + 1, d.getCode(), d.getProcedureName(), d.getApplicant().getName(),
          d.getReceivedAt(), d.getDueAt(), d.getFinishedAt(), d.getReturnedAt(),
          text("dossier.status." + d.getStatus().code()),
          d.getTimeliness() == null ? null : text("form.timeliness." + d.getTimeliness())));
    }
    Agency a = catalog.agency(agency).orElseThrow();
    return pdfs.register(new Register(header(a), a.name(), from, to, rows));
  }

  private FormHeader header(Dossier d) {
    return header(catalog.agency(d.getAgencyCode()).orElseThrow());
  }

  private FormHeader header(Agency agency) {
    String parent = agency.parentCode() == null ? null
        : catalog.agency(agency.parentCode()).map(Agency::name).orElse(null);
    return new FormHeader(agency.name(), parent, place);
  }

  private ControlSlip.Party party(DossierEvent e) {
    String department = e.getActorAgency() == null ? null
        : catalog.agency(e.getActorAgency()).map(Agency::name).orElse(e.getActorAgency());
    return new ControlSlip.Party(e.getActorName(), text("form.role." + e.getActorRole()), department);
  }

  private static ApplicantInfo applicant(Dossier d) {
    Applicant a = d.getApplicant();
    return new ApplicantInfo(a.getName(), a.getIdNumber(), a.getPhone(), a.getEmail(), a.getAddress());
  }

  /** The catalogue version the dossier is bound to, not today's. */
  private Optional<Procedure> procedure(Dossier d) {
    return catalog.version(d.getProcedureCode(), d.getProcedureValidFrom());
  }

  private static Optional<DossierEvent> last(Dossier d, Predicate<DossierEvent> which) {
    return d.getHistory().stream().filter(which).max(Comparator.comparing(DossierEvent::getAt)
        .thenComparing(DossierEvent::getId));
  }

  private static ApiException notAvailable(Dossier d, Form form) {
    return FORM_NOT_AVAILABLE.exception(form.name().toLowerCase().replace('_', '-'), d.getCode());
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, WebConfig.VIETNAMESE);
  }
}
