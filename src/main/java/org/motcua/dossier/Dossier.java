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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.OnlineLevel;
import org.motcua.catalog.Procedure;

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

  @Column(nullable = false, unique = true, updatable = false)
  private String code;

  @Column(name = "procedure_code", nullable = false)
  private String procedureCode;

  @Column(name = "procedure_name", nullable = false, length = 1000)
  private String procedureName;

  @Column(name = "procedure_field", nullable = false)
  private String field;

  @Enumerated(EnumType.STRING)
  @Column(name = "online_level", nullable = false)
  private OnlineLevel onlineLevel;

  @Column(name = "duration_value", nullable = false)
  private int durationValue;

  @Enumerated(EnumType.STRING)
  @Column(name = "duration_unit", nullable = false)
  private DurationUnit durationUnit;

  @Column(name = "fee_vnd", nullable = false)
  private long feeVnd;

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

  @Column(name = "owner_username")
  private String ownerUsername;

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

  @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("at ASC, id ASC")
  private List<DossierEvent> history = new ArrayList<>();

  protected Dossier() {
  }

  /** An online submission (nộp trực tuyến): status 1 until a clerk accepts it. */
  static Dossier submitOnline(String code, Procedure procedure, String agencyPath, Applicant applicant,
      String ownerUsername, LocalDateTime at, Actor actor) {
    Dossier d = new Dossier();
    d.code = code;
    d.procedureCode = procedure.code();
    d.procedureName = procedure.name();
    d.field = procedure.field();
    d.onlineLevel = procedure.onlineLevel();
    d.durationValue = procedure.duration().value();
    d.durationUnit = procedure.duration().unit();
    d.feeVnd = procedure.feeVnd();
    d.agencyCode = procedure.agencyCode();
    d.agencyPath = agencyPath;
    d.channel = Channel.ONLINE;
    d.status = DossierStatus.SUBMITTED;
    d.applicant = applicant;
    d.ownerUsername = ownerUsername;
    d.submittedAt = at;
    d.record(DossierAction.SUBMITTED, at, actor);
    return d;
  }

  DossierEvent record(DossierAction action, LocalDateTime at, Actor actor) {
    DossierEvent event = new DossierEvent(this, at, action, actor);
    history.add(event);
    return event;
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

  void requestSupplement(LocalDateTime at, Actor actor) {
    supplementCount++;
    moveTo(DossierStatus.SUPPLEMENT_REQUESTED, DossierAction.SUPPLEMENT_REQUESTED, at, actor);
  }

  /** The applicant supplied the missing documents; the dossier waits for reception again. */
  void supplementProvided(LocalDateTime at, Actor actor, String note) {
    moveTo(DossierStatus.SUBMITTED, DossierAction.SUPPLEMENT_PROVIDED, at, actor);
    history.get(history.size() - 1).decision(null, note);
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
    timeliness = Timeliness.classify(at, dueAt, supplementCount);
  }

  public boolean isOwnedBy(String username) {
    return ownerUsername != null && ownerUsername.equals(username);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getProcedureCode() {
    return procedureCode;
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

  public String getAgencyCode() {
    return agencyCode;
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

  public boolean isOverdue() {
    return overdue;
  }

  public List<DossierEvent> getHistory() {
    return history;
  }
}
