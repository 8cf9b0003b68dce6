package org.motcua.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One step of a dossier's handling (bước xử lý): a user task of its process, in whichever model, with its agency and
 * role, its budget (the working time between its start and its due date), its start and end, the working time it
 * took, and whether it overran; the warning before it ran out and the escalation when it did. Written by
 * {@link StepRecorder} from the engine's task events; {@code dossier_step}, migration V61.
 */
@Entity
@Table(name = "dossier_step")
public class DossierStep {

  /** How a step ended: completed by an officer, or cancelled (withdrawal, interrupting event, terminated process). */
  public enum Outcome {
    COMPLETED, CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_step_seq")
  @SequenceGenerator(name = "dossier_step_seq", sequenceName = "dossier_step_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dossier_id")
  private Dossier dossier;

  @Column(name = "dossier_code", nullable = false)
  private String dossierCode;

  @Column(name = "task_id", nullable = false, unique = true)
  private String taskId;

  @Column(name = "task_key", nullable = false)
  private String taskKey;

  @Column(name = "task_name")
  private String taskName;

  private String role;

  @Column(name = "agency_code")
  private String agencyCode;

  @Column(name = "agency_path")
  private String agencyPath;

  @Column(name = "started_at", nullable = false)
  private LocalDateTime startedAt;

  @Column(name = "due_at")
  private LocalDateTime dueAt;

  @Column(name = "budget_minutes")
  private Long budgetMinutes;

  @Column(name = "warn_at")
  private LocalDateTime warnAt;

  @Column(name = "ended_at")
  private LocalDateTime endedAt;

  @Column(name = "worked_minutes")
  private Long workedMinutes;

  @Column(nullable = false)
  private boolean overran;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Outcome outcome;

  private String decision;

  @Column(name = "end_reason")
  private String endReason;

  @Column(name = "warned_at")
  private LocalDateTime warnedAt;

  @Column(name = "escalated_at")
  private LocalDateTime escalatedAt;

  @Column(name = "escalated_to")
  private String escalatedTo;

  protected DossierStep() {
  }

  DossierStep(Dossier dossier, String taskId, String taskKey, String taskName, String role, String agencyCode,
      String agencyPath, LocalDateTime startedAt, LocalDateTime dueAt, Long budgetMinutes, LocalDateTime warnAt) {
    this.dossier = dossier;
    this.dossierCode = dossier.getCode();
    this.taskId = taskId;
    this.taskKey = taskKey;
    this.taskName = taskName;
    this.role = role;
    this.agencyCode = agencyCode;
    this.agencyPath = agencyPath;
    this.startedAt = startedAt;
    this.dueAt = dueAt;
    this.budgetMinutes = budgetMinutes;
    this.warnAt = warnAt;
  }

  /** The step ended; it overran when it ended after its due instant. */
  void end(LocalDateTime at, Outcome how, String decision, String reason, long worked) {
    this.endedAt = at;
    this.outcome = how;
    this.decision = decision;
    this.endReason = reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
    this.workedMinutes = worked;
    this.overran = dueAt != null && at.isAfter(dueAt);
  }

  /** Open and past its due instant at {@code now}. */
  public boolean isOverrunning(LocalDateTime now) {
    return endedAt == null && dueAt != null && now.isAfter(dueAt);
  }

  /** Kept its deadline (null while open, or without a deadline). */
  public Boolean getKept() {
    return endedAt == null || dueAt == null ? null : !overran;
  }

  public Long getId() {
    return id;
  }

  Dossier getDossier() {
    return dossier;
  }

  public String getDossierCode() {
    return dossierCode;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public String getTaskName() {
    return taskName;
  }

  public String getRole() {
    return role;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public String getAgencyPath() {
    return agencyPath;
  }

  public LocalDateTime getStartedAt() {
    return startedAt;
  }

  public LocalDateTime getDueAt() {
    return dueAt;
  }

  public Long getBudgetMinutes() {
    return budgetMinutes;
  }

  public LocalDateTime getWarnAt() {
    return warnAt;
  }

  public LocalDateTime getEndedAt() {
    return endedAt;
  }

  public Long getWorkedMinutes() {
    return workedMinutes;
  }

  public boolean isOverran() {
    return overran;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getDecision() {
    return decision;
  }

  public String getEndReason() {
    return endReason;
  }

  public LocalDateTime getWarnedAt() {
    return warnedAt;
  }

  public LocalDateTime getEscalatedAt() {
    return escalatedAt;
  }

  public String getEscalatedTo() {
    return escalatedTo;
  }
}
