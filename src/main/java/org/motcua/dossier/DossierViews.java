package org.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;

/** What the dossier and task APIs return; entities stay inside the feature. */
public final class DossierViews {

  private DossierViews() {
  }

  public record ApplicantView(String name, String idNumber, String phone, String email, String address) {
  }

  /** One line of the processing-control slip. */
  public record EventView(LocalDateTime at, DossierAction action, int status, String actor, String actorName,
      String actorRole, String actorAgency, String step, String stepName, String decision, String note,
      LocalDateTime stepDueAt) {
  }

  /**
   * A current step; {@code taskId} lets its officer complete it without searching the inbox; {@code role} and
   * {@code agencyCode} say whose inbox it is in, {@code decisions} what may be decided there; {@code escalated}: it
   * ran out and is in its agency leader's inbox too.
   */
  public record StepView(String taskId, String taskKey, String name, String role, String agencyCode,
      LocalDateTime dueAt, String assignee, List<String> decisions, boolean escalated) {
  }

  /**
   * A step of the dossier's handling as recorded (bước xử lý), open or ended: its agency and role, its budget in
   * working minutes and due instant, its start and end, the working minutes it took, and whether it kept its deadline
   * ({@code kept} null while open or without a deadline); {@code outcome} COMPLETED or CANCELLED (a withdrawal, an
   * interrupting event); the warning and the escalation to the agency leader ({@code escalatedTo}) when they came.
   */
  public record StepRecordView(String taskId, String taskKey, String name, String role, String agencyCode,
      LocalDateTime startedAt, LocalDateTime dueAt, Long budgetMinutes, LocalDateTime endedAt, Long workedMinutes,
      Boolean kept, boolean overran, String outcome, String decision, LocalDateTime warnedAt,
      LocalDateTime escalatedAt, String escalatedTo) {
  }

  /**
   * What the dossier's state allows now, as the dossier itself answers (see {@code Dossier}): clients and pages ask
   * these instead of comparing status numbers. {@code overdueWithoutResult}: past its appointment, no result yet.
   */
  public record AllowsView(boolean awaitsReception, boolean awaitsSupplement, boolean awaitsPayment,
      boolean mayBeWithdrawn, boolean mayBeRated, boolean applicantMayAddFiles, boolean clerkMayAddFiles,
      boolean awaitsResultUpload, boolean overdueWithoutResult) {
  }

  public record DossierView(
      String code,
      String procedureCode,
      String procedureName,
      String field,
      String caseCode,
      java.time.LocalDate procedureValidFrom,
      String agencyCode,
      int channel,
      int status,
      String statusName,
      ApplicantView applicant,
      String submittedBy,
      boolean submittedOnBehalf,
      String signInProvider,
      Integer signInAssurance,
      boolean vneidVerified,
      LocalDateTime submittedAt,
      LocalDateTime receivedAt,
      LocalDateTime dueAt,
      LocalDateTime finishedAt,
      LocalDateTime returnedAt,
      Timeliness timeliness,
      boolean overdue,
      int supplementCount,
      LocalDateTime appointmentAt,
      Integer stageNumber,
      Integer stageCount,
      String stageAgencyCode,
      String stageName,
      LocalDateTime stageDueAt,
      Integer resultDelivery,
      String postalTrackingIn,
      String postalTrackingOut,
      int componentsTotal,
      int componentsSupplied,
      int componentsReused,
      boolean componentsDigitized,
      boolean resultDigitized,
      long feeVnd,
      org.motcua.catalog.FeeSchedule.Due feeDue,
      String feeDetail,
      Integer satisfactionRating,
      String satisfactionComment,
      List<StepView> currentSteps,
      List<EventView> history,
      AllowsView allows,
      List<StepRecordView> steps,
      List<String> lateCausedBy,
      List<StepRecordView> overrunSteps,
      String formKey,
      com.fasterxml.jackson.databind.JsonNode form) {
  }

  public record DocumentView(long id, String kind, String componentCode, String filename, String contentType,
      long sizeBytes, String sha256, String source, Long warehouseItemId, String issuingAgency,
      java.time.LocalDate issuedOn, java.time.LocalDate validUntil, LocalDateTime uploadedAt, String uploadedBy) {
  }

  public record ReuseOfferView(String component, List<WarehouseItemView> items) {
  }

  public record WarehouseItemView(long id, String documentType, String name, String issuingAgency,
      java.time.LocalDate issuedOn, java.time.LocalDate validUntil, String sourceDossierCode, String filename) {
  }

  /** A line of a dossier list: no history. */
  public record DossierSummaryView(String code, String procedureCode, String procedureName, String agencyCode,
      int channel, int status, String statusName, String applicantName, LocalDateTime submittedAt,
      LocalDateTime receivedAt, LocalDateTime dueAt, Timeliness timeliness, boolean overdue) {
  }

  public record PageView<T>(List<T> items, int page, int size, long total) {
  }

  /**
   * A task of an inbox; {@code warned}: its step's warning share of the budget has passed; {@code escalated}: its
   * step ran out and it is offered to its agency leader too.
   */
  public record TaskView(String id, String taskKey, String name, String dossierCode, String procedureCode,
      String procedureName, String applicantName, String role, String agencyCode, String assignee,
      LocalDateTime createdAt, LocalDateTime dueAt, LocalDateTime dossierDueAt, List<String> decisions,
      boolean warned, boolean escalated) {
  }
}
