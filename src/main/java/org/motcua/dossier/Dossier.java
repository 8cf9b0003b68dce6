package org.motcua.dossier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.NaturalId;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.OnlineLevel;
import org.motcua.catalog.Procedure;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;

/**
 * A dossier (hồ sơ): one applicant's request under one procedure, from submission to returned result.
 * It keeps a snapshot of the catalog entry it was submitted under, and the agency path it was received under,
 * so later catalog changes and agency mergers do not rewrite its history or its reports.
 */
@Entity
@Table(name = "dossier")
public class Dossier {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_seq")
  @SequenceGenerator(name = "dossier_seq", sequenceName = "dossier_seq", allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @NaturalId
  @Column(nullable = false, unique = true, updatable = false)
  private String code;

  @Column(name = "procedure_code", nullable = false)
  private String procedureCode;

  @Column(name = "procedure_name", nullable = false, length = 1000)
  private String procedureName;

  @Column(name = "procedure_field", nullable = false)
  private String field;

  /**
   * The catalogue version the dossier was submitted under (phiên bản thủ tục): the day that version came into force;
   * null for a first version in force since ever, and for dossiers from before versions ({@code Catalog.version}).
   */
  @Column(name = "procedure_valid_from")
  private java.time.LocalDate procedureValidFrom;

  /** The case (trường hợp) chosen at submission or by the clerk at reception; null for dossiers from before cases. */
  @Column(name = "case_code", length = 50)
  private String caseCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "online_level", nullable = false)
  private OnlineLevel onlineLevel;

  @Column(name = "duration_value", nullable = false)
  private int durationValue;

  @Enumerated(EnumType.STRING)
  @Column(name = "duration_unit", nullable = false)
  private DurationUnit durationUnit;

  /** The fee for the quantities the applicant declared (số trang, số bản…), fixed at submission. */
  @Column(name = "fee_vnd", nullable = false)
  private long feeVnd;

  /**
   * The dossier components (thành phần hồ sơ) as the catalog listed them at submission: a dossier keeps the catalog
   * version it was received under. Null only for dossiers from before the snapshot existed.
   */
  // Never changed in place (submission sets it, a change of case replaces it): an immutable value, so no deep copy
  // and JSON comparison at every flush; unlike @Immutable on the attribute, a replaced list is still written.
  @org.hibernate.annotations.Mutability(org.hibernate.type.descriptor.java.Immutability.class)
  @Convert(converter = ComponentListConverter.class)
  @Column(name = "component_snapshot", length = 8000)
  private List<Procedure.Component> components;

  /** When the fee is due: at submission (before reception) or before the result is returned. */
  @Enumerated(EnumType.STRING)
  @Column(name = "fee_due", nullable = false)
  private FeeSchedule.Due feeDue = FeeSchedule.Due.BEFORE_RESULT;

  /** The fee's lines as printed on the receipt, e.g. "Phí chứng thực bản sao (5 trang × 2 bản): 14.000 đồng". */
  @Column(name = "fee_detail", length = 2000)
  private String feeDetail;

  @Column(name = "agency_code", nullable = false)
  private String agencyCode;

  @Column(name = "agency_path", nullable = false)
  private String agencyPath;

  @Convert(converter = ChannelConverter.class)
  @Column(nullable = false)
  private Channel channel;

  @Convert(converter = StatusConverter.class)
  @Column(nullable = false)
  private DossierStatus status;

  @Embedded
  private Applicant applicant;

  /** The account that submitted the dossier or follows it (người nộp); the applicant (chủ hồ sơ) may be another person. */
  @Column(name = "owner_username")
  private String ownerUsername;

  /**
   * Whose e-data warehouse this dossier reuses from: the submitting account's own identity number online, the
   * applicant's as the clerk verified it at the counter; null for none. Never a number typed in a request.
   */
  @Column(name = "warehouse_id_number")
  private String warehouseIdNumber;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "submitted_at", nullable = false)
  private LocalDateTime submittedAt;

  @Column(name = "received_at")
  private LocalDateTime receivedAt;

  @Column(name = "due_at")
  private LocalDateTime dueAt;

  @Column(name = "finished_at")
  private LocalDateTime finishedAt;

  @Column(name = "returned_at")
  private LocalDateTime returnedAt;

  /** End of handling (statuses 8, 9, 10): what the on-time rate judges. */
  @Column(name = "ended_at")
  private LocalDateTime endedAt;

  @Enumerated(EnumType.STRING)
  private Timeliness timeliness;

  @Column(name = "supplement_count", nullable = false)
  private int supplementCount;

  @Column(name = "due_soon", nullable = false)
  private boolean dueSoon;

  @Column(nullable = false)
  private boolean overdue;

  @Column(name = "postal_tracking_in")
  private String postalTrackingIn;

  @Column(name = "postal_tracking_out")
  private String postalTrackingOut;

  /** How the result goes back to the applicant: at the counter, online, or by post. */
  @Convert(converter = ChannelConverter.class)
  @Column(name = "result_delivery")
  private Channel resultDelivery;

  @Column(name = "components_total", nullable = false)
  private int componentsTotal;

  @Column(name = "components_supplied", nullable = false)
  private int componentsSupplied;

  @Column(name = "components_reused", nullable = false)
  private int componentsReused;

  @Column(name = "components_digitized", nullable = false)
  private boolean componentsDigitized;

  @Column(name = "result_digitized", nullable = false)
  private boolean resultDigitized;

  /** Start of the current supplement pause after reception: the clock stops until the applicant answers. */
  @Column(name = "paused_at")
  private LocalDateTime pausedAt;

  /** The new appointment promised in an apology (form 04); the statutory due date stays for the on-time rate. */
  @Column(name = "appointment_at")
  private LocalDateTime appointmentAt;

  @Column(name = "paid_online", nullable = false)
  private boolean paidOnline;

  /** How the submitter of an online dossier signed in: {@code local} or an identity provider's id; null otherwise. */
  @Column(name = "sign_in_provider", length = 64)
  private String signInProvider;

  /** The assurance level the identity provider stated for the submitter, if any. */
  @Column(name = "sign_in_assurance")
  private Integer signInAssurance;

  /** Submitted online by an account signed in through the national e-identity (VNeID). */
  @Column(name = "vneid_verified", nullable = false)
  private boolean vneidVerified;

  @Convert(converter = StatusConverter.class)
  @Column(name = "status_before_withdrawal")
  private DossierStatus statusBeforeWithdrawal;

  /** The applicant's satisfaction rating, 1-5, once the result is returned; null until given. */
  @Column(name = "satisfaction_rating")
  private Integer satisfactionRating;

  @Column(name = "satisfaction_comment", length = 1000)
  private String satisfactionComment;

  @Column(name = "rated_at")
  private LocalDateTime ratedAt;

  /** Giai đoạn liên thông: the stage the dossier is in (from 1), null for a one-agency dossier. */
  @Column(name = "stage_number")
  private Integer stageNumber;

  @Column(name = "stage_count")
  private Integer stageCount;

  /** The agency handling the current stage. */
  @Column(name = "stage_agency_code", length = 40)
  private String stageAgencyCode;

  @Column(name = "stage_name", length = 300)
  private String stageName;

  /** When the current stage's steps run out: its start plus their budgets in working time. */
  @Column(name = "stage_due_at")
  private LocalDateTime stageDueAt;

  /**
   * Every agency a stage has reached, written {@code /A/B/}: their officers may read the dossier (and act on it only
   * through the tasks their stage offers them).
   */
  @Column(name = "stage_agencies", length = 1000)
  private String stageAgencies;

  /** The agency paths of {@link #stageAgencies}, joined: the supervisors above a stage's agency read the dossier. */
  @Column(name = "stage_agency_paths", length = 4000)
  private String stageAgencyPaths;

  /** When the current stage's agency attached its result; null until it does (its leader cannot approve before). */
  @Column(name = "stage_result_at")
  private LocalDateTime stageResultAt;

  /** Why handling stopped (status 8): the action that stopped it (WITHDRAWN, REFUSED, UNPAID_STOPPED); for reports. */
  @Column(name = "stop_reason", length = 20)
  private String stopReason;

  /**
   * The e-form definition the declaration was filled in with ({@code config/forms/<key>.yml}); null when the
   * declaration came as a file.
   */
  @Column(name = "form_key", length = 100)
  private String formKey;

  /** The declaration's data as filled in (and corrected at reception), JSON; null without an e-form. */
  @Column(name = "form_data", length = 100000)
  private String formData;

  @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("at ASC, id ASC")
  private List<DossierEvent> history = new ArrayList<>();

  /** The steps of its handling as the engine opened and ended them (bước xử lý), oldest first. */
  @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL)
  @OrderBy("startedAt ASC, id ASC")
  private List<DossierStep> steps = new ArrayList<>();

  /**
   * The process's open steps as the use case that returned this dossier left them, read in its transaction so that
   * the answer needs no second one; not stored. Null when the dossier did not come from such a use case.
   */
  @Transient
  private List<WorkItem> openSteps;

  /** The facts as of the last recorded change (as loaded, for a dossier read from the database); not stored. */
  @Transient
  private DossierFacts recordedFacts;

  /** Changes recorded since {@link DossierChanges} last handed them to the listeners; not stored. */
  @Transient
  private final List<DossierChanged> changes = new ArrayList<>();

  protected Dossier() {
  }

  @PostLoad
  void loaded() {
    recordedFacts = DossierFacts.of(this);
  }

  /** An online submission (nộp trực tuyến): status 1 until a clerk accepts it. */
  static Dossier submitOnline(String code, Procedure procedure, Procedure.Case kase, FeeSchedule.Quote fee,
      String agencyCode, String agencyPath, Applicant applicant, MotcuaUser account, LocalDateTime at, Actor actor) {
    Dossier d = create(code, procedure, kase, fee, agencyCode, agencyPath, applicant, account.username(), Channel.ONLINE,
        Channel.ONLINE, null, at, actor);
    d.warehouseIdNumber = account.idNumber();
    return d;
  }

  /**
   * A dossier entered by a clerk at the counter, or recorded on arrival by public post (with its tracking number).
   * Reception follows at once, when its process starts. {@code agencyCode}: the receiving agency, one of the
   * procedure's offerings, whose path ({@code agencyPath}) the reports roll up by.
   */
  static Dossier enterAtCounter(String code, Procedure procedure, Procedure.Case kase, FeeSchedule.Quote fee,
      String agencyCode, String agencyPath, Applicant applicant, String ownerUsername, Channel channel,
      Channel resultDelivery, String postalTrackingIn, LocalDateTime at, Actor actor) {
    Dossier d = create(code, procedure, kase, fee, agencyCode, agencyPath, applicant, ownerUsername, channel, resultDelivery,
        postalTrackingIn, at, actor);
    d.warehouseIdNumber = applicant.getIdNumber();
    return d;
  }

  /**
   * The dossier under the procedure version and the case chosen: its time limit (the online one for an online
   * submission, where the case has one), fee, components and online level come from the case and stay as they are
   * when the catalogue changes.
   */
  private static Dossier create(String code, Procedure procedure, Procedure.Case kase, FeeSchedule.Quote fee,
      String agencyCode, String agencyPath,
      Applicant applicant, String ownerUsername, Channel channel, Channel resultDelivery, String postalTrackingIn,
      LocalDateTime at, Actor actor) {
    Dossier d = new Dossier();
    d.code = code;
    d.procedureCode = procedure.code();
    d.procedureName = procedure.name();
    d.field = procedure.field();
    d.procedureValidFrom = procedure.validFrom();
    d.channel = channel;
    d.takeCase(kase, fee);
    d.agencyCode = agencyCode;
    d.agencyPath = agencyPath;
    d.resultDelivery = resultDelivery;
    d.postalTrackingIn = postalTrackingIn;
    d.status = DossierStatus.SUBMITTED;
    d.applicant = applicant;
    d.ownerUsername = ownerUsername;
    d.submittedAt = at;
    d.record(DossierAction.SUBMITTED, at, actor);
    return d;
  }

  /** The declaration filled in as an e-form at submission: part of the submission, no history line of its own. */
  void fillForm(String key, com.fasterxml.jackson.databind.JsonNode data) {
    formKey = key;
    formData = data.toString();
  }

  /**
   * Sửa thông tin tờ khai khi tiếp nhận: the reception clerk corrects an obvious error of the declaration; the history
   * line says which field, before and after ({@code note}).
   */
  void correctForm(com.fasterxml.jackson.databind.JsonNode data, String note, LocalDateTime at, Actor actor) {
    formData = data.toString();
    record(DossierAction.FORM_CORRECTED, at, actor).decision(null, note);
  }

  /** {@code fee} null: the fee stays as it was (the new case has the same fee schedule). */
  private void takeCase(Procedure.Case kase, FeeSchedule.Quote fee) {
    caseCode = kase.code();
    onlineLevel = kase.onlineLevel();
    durationValue = kase.duration(channel == Channel.ONLINE).value();
    durationUnit = kase.duration(channel == Channel.ONLINE).unit();
    if (fee != null) {
      feeVnd = fee.totalVnd();
      feeDue = kase.fee().due();
      feeDetail = fee.lines().isEmpty() ? null : fee.describe();
    }
    components = kase.components();
    componentsTotal = kase.requiredComponents().size();
  }

  /**
   * Đổi trường hợp: the clerk corrects the case at reception; time limit, fee, components and online level follow the
   * new case (the appointment is fixed at reception from the new limit), and the history names both cases.
   * {@code fee} null keeps the fee as it was; {@code supplied}: how many of the new case's required components the
   * files already supply.
   */
  void changeCase(Procedure.Case kase, FeeSchedule.Quote fee, int supplied, String fromName, LocalDateTime at,
      Actor actor) {
    takeCase(kase, fee);
    componentsSupplied = supplied;
    componentsDigitized = componentsTotal > 0 && supplied >= componentsTotal;
    record(DossierAction.CASE_CHANGED, at, actor).decision(null, fromName + " → " + kase.name());
  }

  /**
   * Writes a history line. Every transition ends here, after changing its fields, so this is also where the dossier
   * records what the change means for the indicator counters: a {@link DossierChanged} from the facts as of the last
   * line to the facts now, when they differ. No transition can change a fact without recording it.
   */
  DossierEvent record(DossierAction action, LocalDateTime at, Actor actor) {
    DossierEvent event = new DossierEvent(this, at, action, actor);
    history.add(event);
    DossierFacts now = DossierFacts.of(this);
    if (!now.equals(recordedFacts)) {
      changes.add(new DossierChanged(recordedFacts, now));
      recordedFacts = now;
    }
    return event;
  }

  /**
   * The changes recorded since the last call, for {@link DossierChanges} to hand to the application's listeners (the
   * day counters, the outbox, the metrics) inside the same transaction.
   */
  List<DossierChanged> takeRecordedChanges() {
    List<DossierChanged> taken = List.copyOf(changes);
    changes.clear();
    return taken;
  }

  private void moveTo(DossierStatus next, DossierAction action, LocalDateTime at, Actor actor) {
    status = next;
    record(action, at, actor);
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** Tiếp nhận: the processing clock starts; the appointment date is fixed. */
  void receive(LocalDateTime at, LocalDateTime due, Actor actor) {
    receivedAt = at;
    dueAt = due;
    moveTo(DossierStatus.RECEIVED, DossierAction.RECEIVED, at, actor);
  }

  /** Yêu cầu bổ sung (form 02). After reception the clock pauses until the applicant answers. */
  void requestSupplement(LocalDateTime at, Actor actor) {
    supplementCount++;
    if (receivedAt != null) {
      pausedAt = at;
    }
    moveTo(DossierStatus.SUPPLEMENT_REQUESTED, DossierAction.SUPPLEMENT_REQUESTED, at, actor);
  }

  boolean isPaused() {
    return pausedAt != null;
  }

  LocalDateTime getPausedAt() {
    return pausedAt;
  }

  /**
   * The applicant supplied the missing documents. Before reception the dossier waits for reception again; after
   * it, handling resumes and the due date moves later by the paused working time ({@code newDueAt}).
   */
  void supplementProvided(LocalDateTime at, Actor actor, String note, LocalDateTime newDueAt) {
    supplementRefusal().ifPresent(DossierRefusal::raise);
    if (pausedAt != null) {
      pausedAt = null;
      dueAt = newDueAt;
      moveTo(DossierStatus.PROCESSING, DossierAction.SUPPLEMENT_PROVIDED, at, actor);
    } else {
      moveTo(DossierStatus.SUBMITTED, DossierAction.SUPPLEMENT_PROVIDED, at, actor);
    }
    history.get(history.size() - 1).decision(null, note);
  }

  /**
   * Chuyển hồ sơ liên thông: the dossier enters stage {@code number} of {@code count}, handled by another (or the
   * same) agency; the applicant's appointment does not change.
   */
  void enterStage(LocalDateTime at, int number, int count, String agencyCode, String agencyPath, String name,
      LocalDateTime dueAt) {
    stageNumber = number;
    stageCount = count;
    stageAgencyCode = agencyCode;
    stageName = name;
    stageDueAt = dueAt;
    stageResultAt = null;
    String reached = stageAgencies == null ? "/" : stageAgencies;
    if (!reached.contains("/" + agencyCode + "/")) {
      stageAgencies = reached + agencyCode + "/";
      stageAgencyPaths = (stageAgencyPaths == null ? "" : stageAgencyPaths) + agencyPath;
    }
    record(DossierAction.STAGE_STARTED, at, Actor.SYSTEM).decision(null, number + "/" + count + " · " + name);
  }

  /** A stage's leader approved its part (or refused: the chain stops). */
  void leaveStage(LocalDateTime at, String decision) {
    record(DossierAction.STAGE_COMPLETED, at, Actor.SYSTEM).decision(decision, stageNumber + "/" + stageCount
        + " · " + stageName);
  }

  /**
   * Văn bản kết quả giai đoạn: an officer of the current stage's agency attached the stage's result, which the next
   * stages (and the receiving one-stop shop) read with the dossier's files.
   */
  void stageResultAdded(LocalDateTime at, Actor actor, String filename) {
    stageResultAt = at;
    record(DossierAction.STAGE_RESULT_ADDED, at, actor).decision(null, stageNumber + "/" + stageCount + " · "
        + filename);
  }

  /** A stage result is attached while the dossier is handled at a stage (not paused, not finished). */
  public Optional<DossierRefusal> stageResultRefusal() {
    return stageNumber != null && status == DossierStatus.PROCESSING ? Optional.empty() : Optional.of(DossierRefusal.of(DossierRefusal.Reason.STAGE_RESULT_NOT_EXPECTED, code));
  }

  /** A stage's leader approves its part only once its result is attached, so that the next stage receives it. */
  public Optional<DossierRefusal> stageApprovalRefusal() {
    return stageResultAt != null ? Optional.empty()
        : Optional.of(DossierRefusal.of(DossierRefusal.Reason.STAGE_RESULT_MISSING, code));
  }

  /** A supervisor reads a dossier once a stage reached an agency of their subtree. */
  public boolean reachedWithin(String agencyCode) {
    return stageAgencyPaths != null && agencyCode != null && stageAgencyPaths.contains("/" + agencyCode + "/");
  }

  /** The officers of a stage's agency read the dossier from the stage on. */
  public boolean reachedAgency(String agencyCode) {
    return stageAgencies != null && agencyCode != null && stageAgencies.contains("/" + agencyCode + "/");
  }

  /**
   * Thông báo nghĩa vụ tài chính (status 6): another agency's notice the applicant must pay; the clock pauses until
   * they do, as for a supplement.
   */
  void notifyObligation(LocalDateTime at, Actor actor) {
    pausedAt = at;
    moveTo(DossierStatus.PAYMENT_REQUESTED, DossierAction.OBLIGATION_NOTIFIED, at, actor);
  }

  /** The applicant paid the notice: handling resumes and the due date moves later by the paused working time. */
  void obligationFulfilled(LocalDateTime at, Actor actor, String note, LocalDateTime newDueAt) {
    obligationRefusal().ifPresent(DossierRefusal::raise);
    pausedAt = null;
    dueAt = newDueAt;
    moveTo(DossierStatus.PROCESSING, DossierAction.OBLIGATION_FULFILLED, at, actor);
    history.get(history.size() - 1).decision(null, note);
  }

  /** Waiting for the applicant to pay another agency's notice of financial obligation. */
  public boolean awaitsObligation() {
    return status == DossierStatus.PAYMENT_REQUESTED && pausedAt != null;
  }

  public Optional<DossierRefusal> obligationRefusal() {
    return awaitsObligation() ? Optional.empty()
        : Optional.of(DossierRefusal.of(DossierRefusal.Reason.NO_OBLIGATION_PENDING, code));
  }

  /** Công dân yêu cầu rút hồ sơ (status 7): handling waits for an officer to confirm. */
  void requestWithdrawal(LocalDateTime at, Actor actor, String reason) {
    withdrawalRefusal().ifPresent(DossierRefusal::raise);
    statusBeforeWithdrawal = status;
    moveTo(DossierStatus.WITHDRAWAL_REQUESTED, DossierAction.WITHDRAWAL_REQUESTED, at, actor);
    history.get(history.size() - 1).decision(null, reason);
  }

  /** The officer confirmed the withdrawal: handling stops (status 8). */
  void withdraw(LocalDateTime at, Actor actor) {
    if (receivedAt != null) {
      endHandling(at);
    }
    statusBeforeWithdrawal = null;
    stopReason = DossierAction.WITHDRAWN.name();
    moveTo(DossierStatus.STOPPED, DossierAction.WITHDRAWN, at, actor);
  }

  void rejectWithdrawal(LocalDateTime at, Actor actor) {
    DossierStatus previous = statusBeforeWithdrawal == null ? DossierStatus.PROCESSING : statusBeforeWithdrawal;
    statusBeforeWithdrawal = null;
    moveTo(previous, DossierAction.WITHDRAWAL_REJECTED, at, actor);
  }

  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả (form 04). */
  void apologize(LocalDateTime at, Actor actor, LocalDateTime newAppointment, String reason) {
    appointmentAt = newAppointment;
    record(DossierAction.APOLOGY_ISSUED, at, actor)
        .decision(org.motcua.process.ProcessContract.Decisions.APOLOGIZE, reason);
  }

  /** A component file was attached, scanned or reused; the digitization figures follow from the set of files. */
  void documentsChanged(LocalDateTime at, Actor actor, String what, int supplied, int reused) {
    componentsSupplied = supplied;
    componentsReused = reused;
    componentsDigitized = componentsTotal > 0 && supplied >= componentsTotal;
    record(DossierAction.DOCUMENT_ADDED, at, actor).decision(null, what);
  }

  void resultDigitized(LocalDateTime at, Actor actor, String filename) {
    resultDigitized = true;
    record(DossierAction.RESULT_DIGITIZED, at, actor).decision(null, filename);
  }

  /** Yêu cầu thực hiện nghĩa vụ tài chính (status 6). */
  void requestPayment(LocalDateTime at, Actor actor) {
    moveTo(DossierStatus.PAYMENT_REQUESTED, DossierAction.PAYMENT_REQUESTED, at, actor);
  }

  /**
   * A consulted agency did not give its opinion within its budget: handling goes on without it (a history line
   * naming the agency; the dossier's state does not change).
   */
  void consultationTimedOut(LocalDateTime at, String agencyCode) {
    record(DossierAction.CONSULTATION_TIMED_OUT, at, Actor.SYSTEM).decision(null, agencyCode);
  }

  void remindPayment(LocalDateTime at) {
    record(DossierAction.PAYMENT_REMINDED, at, Actor.SYSTEM);
  }

  /**
   * The fee is paid or exempted: a fee due at submission sends the dossier on to reception (status 1); one due before
   * the result back to "processing finished", ready to return.
   */
  void paymentSettled(LocalDateTime at, Actor actor, boolean online, String how) {
    paidOnline = online;
    moveTo(receivedAt == null ? DossierStatus.SUBMITTED : DossierStatus.FINISHED, DossierAction.PAYMENT_SETTLED, at,
        actor);
    history.get(history.size() - 1).decision(null, how);
  }

  /** Never paid: handling stops (status 8); the timeliness of the handling itself stays as it was. */
  void stopUnpaid(LocalDateTime at) {
    stopReason = DossierAction.UNPAID_STOPPED.name();
    moveTo(DossierStatus.STOPPED, DossierAction.UNPAID_STOPPED, at, Actor.SYSTEM);
  }

  public String getStopReason() {
    return stopReason;
  }

  public boolean isPaidOnline() {
    return paidOnline;
  }

  /** Records how the submitter of this online dossier signed in (before it is first stored). */
  void submittedAfter(org.motcua.security.SignInMethod signIn) {
    signInProvider = signIn.provider();
    signInAssurance = signIn.assuranceLevel();
    vneidVerified = signIn.vneidVerified();
  }

  public String getSignInProvider() {
    return signInProvider;
  }

  public Integer getSignInAssurance() {
    return signInAssurance;
  }

  public boolean isVneidVerified() {
    return vneidVerified;
  }

  void sentByPost(String trackingNumber) {
    postalTrackingOut = trackingNumber;
  }

  void notReceived(LocalDateTime at, Actor actor) {
    moveTo(DossierStatus.NOT_RECEIVED, DossierAction.NOT_RECEIVED, at, actor);
  }

  void startProcessing(LocalDateTime at, Actor actor) {
    moveTo(DossierStatus.PROCESSING, DossierAction.PROCESSING, at, actor);
  }

  void markDueSoon(LocalDateTime at) {
    dueSoon = true;
    record(DossierAction.DUE_SOON, at, Actor.SYSTEM);
  }

  void markOverdue(LocalDateTime at) {
    overdue = true;
    record(DossierAction.OVERDUE, at, Actor.SYSTEM);
  }

  /** Từ chối giải quyết after reception: handling stops (status 8). */
  void refuse(LocalDateTime at, Actor actor) {
    endHandling(at);
    stopReason = DossierAction.REFUSED.name();
    moveTo(DossierStatus.STOPPED, DossierAction.REFUSED, at, actor);
  }

  /** Đã xử lý xong: approved and signed; classified against the appointment date. */
  void finish(LocalDateTime at, Actor actor) {
    finishedAt = at;
    endHandling(at);
    moveTo(DossierStatus.FINISHED, DossierAction.FINISHED, at, actor);
  }

  void returnResult(LocalDateTime at, Actor actor) {
    returnedAt = at;
    moveTo(DossierStatus.RETURNED, DossierAction.RETURNED, at, actor);
  }

  private void endHandling(LocalDateTime at) {
    endedAt = at;
    timeliness = dueAt == null ? null : Timeliness.classify(at, dueAt, supplementCount);
  }

  /** The engine opened a step of the dossier's handling ({@link StepRecorder}); the history is not written. */
  void recordStep(DossierStep step) {
    steps.add(step);
  }

  /** Cảnh báo bước sắp hết hạn: the step's warning share of its budget has passed; its assignee is warned. */
  void stepWarned(LocalDateTime at, DossierStep step) {
    record(DossierAction.STEP_WARNED, at, Actor.SYSTEM).step(step.getTaskKey(), step.getTaskName(), step.getDueAt())
        .decision(null, step.getTaskName() + (step.getAgencyCode() == null ? "" : " (" + step.getAgencyCode() + ")"));
  }

  /** Chuyển lãnh đạo: the step ran out; it is also in its agency leader's inbox ({@code group}). */
  void stepEscalated(LocalDateTime at, DossierStep step, String group) {
    record(DossierAction.STEP_ESCALATED, at, Actor.SYSTEM).step(step.getTaskKey(), step.getTaskName(),
        step.getDueAt()).decision(null, step.getTaskName() + (group == null ? "" : " → " + group));
  }

  public List<DossierStep> getSteps() {
    return steps;
  }

  /** The steps that ended after their due instant: where lateness came from. */
  public List<DossierStep> getOverrunSteps() {
    return steps.stream().filter(DossierStep::isOverran)
        .filter(s -> !org.motcua.process.ProcessContract.Tasks.OUTSIDE_HANDLING.contains(s.getTaskKey())).toList();
  }

  /**
   * Trễ hạn do cơ quan: for a dossier whose handling ended late, the agencies whose steps overran, in the order they
   * did; empty for a dossier not (yet) late, or late without a step over its budget (e.g. a second supplement request).
   */
  public List<String> lateCausedBy() {
    if (timeliness != Timeliness.LATE) {
      return List.of();
    }
    return getOverrunSteps().stream().map(DossierStep::getAgencyCode).filter(java.util.Objects::nonNull).distinct()
        .toList();
  }

  /** Đánh giá mức độ hài lòng: the applicant rates the returned dossier once. */
  void rate(LocalDateTime at, Actor actor, int rating, String comment) {
    ratingRefusal().ifPresent(DossierRefusal::raise);
    satisfactionRating = rating;
    satisfactionComment = comment;
    ratedAt = at;
    record(DossierAction.SATISFACTION_RATED, at, actor).decision(null, comment == null ? rating + "/5"
        : rating + "/5: " + comment);
  }

  // What the dossier allows in its present state: the lifecycle's rules, asked by the services and the pages alike.

  /** Until the decision is signed the applicant may withdraw (rút hồ sơ); after it there is a result to return. */
  public boolean mayBeWithdrawn() {
    return status == DossierStatus.SUBMITTED || status == DossierStatus.RECEIVED
        || status == DossierStatus.PROCESSING || status == DossierStatus.SUPPLEMENT_REQUESTED;
  }

  public Optional<DossierRefusal> withdrawalRefusal() {
    return mayBeWithdrawn() ? Optional.empty()
        : Optional.of(DossierRefusal.of(DossierRefusal.Reason.WITHDRAWAL_NOT_ALLOWED, code, status.code()));
  }

  /** Status 7: an officer has yet to confirm or refuse the applicant's withdrawal. */
  public boolean awaitsWithdrawalDecision() {
    return status == DossierStatus.WITHDRAWAL_REQUESTED;
  }

  /** A withdrawal waiting for confirmation blocks every other decision on the dossier. */
  public Optional<DossierRefusal> otherWorkRefusal() {
    return awaitsWithdrawalDecision()
        ? Optional.of(DossierRefusal.of(DossierRefusal.Reason.WITHDRAWAL_PENDING, code)) : Optional.empty();
  }

  /** Status 1: submitted (or sent back to reception after a supplement), waiting for a clerk to receive it. */
  public boolean awaitsReception() {
    return status == DossierStatus.SUBMITTED;
  }

  /** Status 5: the applicant is asked for missing documents (yêu cầu bổ sung). */
  public boolean awaitsSupplement() {
    return status == DossierStatus.SUPPLEMENT_REQUESTED;
  }

  public Optional<DossierRefusal> supplementRefusal() {
    return awaitsSupplement() ? Optional.empty()
        : Optional.of(DossierRefusal.of(DossierRefusal.Reason.NO_SUPPLEMENT_REQUESTED, code));
  }

  /** Status 6: a fee is asked for, and may be paid now (online, at the counter) or exempted. */
  /** A fee of this system is due (not another agency's notice, see {@link #awaitsObligation()}). */
  public boolean awaitsPayment() {
    return status == DossierStatus.PAYMENT_REQUESTED && pausedAt == null;
  }

  public Optional<DossierRefusal> paymentRefusal() {
    return awaitsPayment() ? Optional.empty()
        : Optional.of(DossierRefusal.of(DossierRefusal.Reason.NO_OPEN_CHARGE, code));
  }

  public boolean isRated() {
    return satisfactionRating != null;
  }

  /** Đánh giá: a returned dossier, once. */
  public boolean mayBeRated() {
    return ratingRefusal().isEmpty();
  }

  public Optional<DossierRefusal> ratingRefusal() {
    if (status != DossierStatus.RETURNED) {
      return Optional.of(DossierRefusal.of(DossierRefusal.Reason.RATING_NOT_OPEN, code));
    }
    return isRated() ? Optional.of(DossierRefusal.of(DossierRefusal.Reason.ALREADY_RATED, code)) : Optional.empty();
  }

  /**
   * The applicant may add files while the dossier waits for reception or for a supplement, and while a fee due at
   * submission is paid (the dossier is still being put together).
   */
  public boolean applicantMayAddFiles() {
    return awaitsReception() || awaitsSupplement() || isWaitingForFeeBeforeReception();
  }

  /**
   * The clerk may scan components (số hóa) until processing finishes; not while a withdrawal waits for its decision,
   * nor once reception was refused.
   */
  public boolean clerkMayAddFiles() {
    return status == DossierStatus.SUBMITTED || status == DossierStatus.RECEIVED
        || status == DossierStatus.PROCESSING || status == DossierStatus.SUPPLEMENT_REQUESTED
        || status == DossierStatus.PAYMENT_REQUESTED;
  }

  /** @param byApplicant the applicant adds them (otherwise a clerk of the agency scans them) */
  public Optional<DossierRefusal> fileRefusal(boolean byApplicant) {
    return (byApplicant ? applicantMayAddFiles() : clerkMayAddFiles()) ? Optional.empty()
        : Optional.of(DossierRefusal.of(DossierRefusal.Reason.DOCUMENTS_CLOSED, code, status.code()));
  }

  /** Status 9: processing finished, the signed result may be uploaded as an e-result (số hóa kết quả). */
  public boolean expectsResult() {
    return status == DossierStatus.FINISHED;
  }

  /** The e-result is expected and has not come yet. */
  public boolean awaitsResultUpload() {
    return expectsResult() && !resultDigitized;
  }

  public Optional<DossierRefusal> resultUploadRefusal() {
    return expectsResult() ? Optional.empty()
        : Optional.of(DossierRefusal.of(DossierRefusal.Reason.RESULT_NOT_EXPECTED, code));
  }

  /** Trả kết quả: only a digitized result, and by post only with the parcel's tracking number. */
  public Optional<DossierRefusal> returnRefusal(String trackingNumber) {
    if (!resultDigitized) {
      return Optional.of(DossierRefusal.of(DossierRefusal.Reason.RESULT_NOT_DIGITIZED, code));
    }
    if (resultDelivery == Channel.POSTAL && (trackingNumber == null || trackingNumber.isBlank())) {
      return Optional.of(DossierRefusal.of(DossierRefusal.Reason.TRACKING_NUMBER_REQUIRED));
    }
    return Optional.empty();
  }

  /** Phiếu xin lỗi (form 04): before the appointment date passes, with a later new appointment. */
  public Optional<DossierRefusal> apologyRefusal(LocalDateTime now, LocalDateTime newAppointment) {
    if (now.isAfter(dueAt)) {
      return Optional.of(DossierRefusal.of(DossierRefusal.Reason.APOLOGY_TOO_LATE, code, dueAt));
    }
    if (newAppointment == null || !newAppointment.isAfter(dueAt)) {
      return Optional.of(DossierRefusal.of(DossierRefusal.Reason.NEW_APPOINTMENT_REQUIRED, dueAt));
    }
    return Optional.empty();
  }

  public Integer getSatisfactionRating() {
    return satisfactionRating;
  }

  public String getSatisfactionComment() {
    return satisfactionComment;
  }

  public LocalDateTime getRatedAt() {
    return ratedAt;
  }

  public boolean isOwnedBy(String username) {
    return ownerUsername != null && ownerUsername.equals(username);
  }

  /** The identity number whose e-data warehouse may stand in for this dossier's components. */
  Optional<String> reusesFromWarehouseOf() {
    return Optional.ofNullable(warehouseIdNumber);
  }

  /**
   * The warehouse that this dossier's verified components and e-result go into: the account holder's own, and only
   * when the account holder is the applicant (a parent's account submitting for a child keeps nothing of the child's).
   */
  Optional<String> depositsIntoWarehouseOf() {
    return warehouseIdNumber != null && warehouseIdNumber.equals(applicant.getIdNumber())
        ? Optional.of(warehouseIdNumber) : Optional.empty();
  }

  /** Submitted by an account for someone else (nộp thay): the applicant's identity number is not the account's. */
  public boolean isSubmittedOnBehalf() {
    return channel == Channel.ONLINE && !applicant.getIdNumber().equals(warehouseIdNumber);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getFormKey() {
    return formKey;
  }

  /** The declaration's data as filled in, a fresh copy; null when the declaration came as a file. */
  public com.fasterxml.jackson.databind.JsonNode getForm() {
    if (formData == null) {
      return null;
    }
    try {
      return FORM_JSON.readTree(formData);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Unreadable form data of " + code, e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper FORM_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  public String getProcedureCode() {
    return procedureCode;
  }

  /** The day the catalogue version of the dossier came into force; null for a first version (see the field). */
  public java.time.LocalDate getProcedureValidFrom() {
    return procedureValidFrom;
  }

  /** The case code; null for dossiers from before cases (their procedure's one case). */
  public String getCaseCode() {
    return caseCode;
  }

  public String getProcedureName() {
    return procedureName;
  }

  public String getField() {
    return field;
  }

  public OnlineLevel getOnlineLevel() {
    return onlineLevel;
  }

  public int getDurationValue() {
    return durationValue;
  }

  public DurationUnit getDurationUnit() {
    return durationUnit;
  }

  public long getFeeVnd() {
    return feeVnd;
  }

  /** The components as submitted, or empty for a dossier from before snapshots (the catalog then answers). */
  public java.util.Optional<List<Procedure.Component>> getComponents() {
    return java.util.Optional.ofNullable(components);
  }

  public FeeSchedule.Due getFeeDue() {
    return feeDue;
  }

  public String getFeeDetail() {
    return feeDetail;
  }

  /** The fee must be settled before the dossier is received. */
  public boolean isFeeDueAtSubmission() {
    return feeVnd > 0 && feeDue == FeeSchedule.Due.AT_SUBMISSION;
  }

  /** Status 6 before reception: the fee due at submission is not paid yet. */
  public boolean isWaitingForFeeBeforeReception() {
    return status == DossierStatus.PAYMENT_REQUESTED && receivedAt == null;
  }

  /** The fee is still owed after processing finished. */
  public boolean isFeeDueBeforeResult() {
    return feeVnd > 0 && feeDue == FeeSchedule.Due.BEFORE_RESULT;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public Integer getStageNumber() {
    return stageNumber;
  }

  public Integer getStageCount() {
    return stageCount;
  }

  public String getStageAgencyCode() {
    return stageAgencyCode;
  }

  public String getStageName() {
    return stageName;
  }

  public LocalDateTime getStageDueAt() {
    return stageDueAt;
  }

  public String getAgencyPath() {
    return agencyPath;
  }

  public Channel getChannel() {
    return channel;
  }

  public DossierStatus getStatus() {
    return status;
  }

  public Applicant getApplicant() {
    return applicant;
  }

  public String getOwnerUsername() {
    return ownerUsername;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public LocalDateTime getSubmittedAt() {
    return submittedAt;
  }

  public LocalDateTime getReceivedAt() {
    return receivedAt;
  }

  public LocalDateTime getDueAt() {
    return dueAt;
  }

  public LocalDateTime getFinishedAt() {
    return finishedAt;
  }

  public LocalDateTime getReturnedAt() {
    return returnedAt;
  }

  public LocalDateTime getEndedAt() {
    return endedAt;
  }

  public Timeliness getTimeliness() {
    return timeliness;
  }

  public int getSupplementCount() {
    return supplementCount;
  }

  public boolean isDueSoon() {
    return dueSoon;
  }

  /** Past its appointment and still without a result: what the overdue tag of a list means. */
  public boolean isOverdueWithoutResult() {
    return overdue && finishedAt == null;
  }

  public boolean isOverdue() {
    return overdue;
  }

  public String getPostalTrackingIn() {
    return postalTrackingIn;
  }

  public String getPostalTrackingOut() {
    return postalTrackingOut;
  }

  public Channel getResultDelivery() {
    return resultDelivery;
  }

  public int getComponentsTotal() {
    return componentsTotal;
  }

  public int getComponentsSupplied() {
    return componentsSupplied;
  }

  public int getComponentsReused() {
    return componentsReused;
  }

  public boolean isComponentsDigitized() {
    return componentsDigitized;
  }

  public boolean isResultDigitized() {
    return resultDigitized;
  }

  public LocalDateTime getAppointmentAt() {
    return appointmentAt;
  }

  public List<DossierEvent> getHistory() {
    return history;
  }

  void showOpenSteps(List<WorkItem> steps) {
    this.openSteps = List.copyOf(steps);
  }

  /** The open steps read with this dossier, if its use case read them. */
  java.util.Optional<List<WorkItem>> openSteps() {
    return java.util.Optional.ofNullable(openSteps);
  }
}
