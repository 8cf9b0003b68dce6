package org.motcua.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.motcua.calendar.TimeLimit;

/**
 * One version of an administrative procedure (thủ tục hành chính) of the catalog, as configured in
 * {@code config/procedures.yml} or installed by an import ({@link Catalog#publish}).
 *
 * <p>The procedure-level duration, fee, components, online level, process and steps are what its cases inherit when
 * they do not give their own; a dossier takes them from its case ({@link #cases()}), never from here.
 *
 * @param agencyCode the first receiving agency of {@link #offerings}: for a procedure with one offering, its
 *     competent agency; callers that receive a dossier use the agency the applicant or clerk chose instead
 * @param fee what the applicant pays (phí, lệ phí) and when; {@code feeNote} spells the legal rule in words
 * @param steps the internal process (quy trình nội bộ): the working-hour budget of each BPMN user task
 * @param offerings the agencies that receive it (never empty), in catalogue order
 * @param anywhere phi địa giới hành chính: any offering agency receives any applicant, wherever they live; otherwise
 *     the applicant is expected to submit to the agency of their residence, which the reception clerk checks
 * @param validFrom first day this version is in force (hiệu lực từ); null for a first version in force since ever
 * @param validTo last day it is in force; null while no later version or withdrawal ends it
 * @param decision the publication decision (quyết định công bố) that published this version; null when not recorded
 * @param cases the cases (trường hợp) the applicant chooses among; never empty: one implicit {@link #DEFAULT_CASE}
 *     with the procedure's own values when the configuration gives none
 */
public record Procedure(
    String code,
    String nationalCode,
    String name,
    String field,
    AgencyLevel level,
    String agencyCode,
    TimeLimit duration,
    OnlineLevel onlineLevel,
    FeeSchedule fee,
    String feeNote,
    String legalBasis,
    String processKey,
    List<Component> components,
    List<Step> steps,
    List<Exemption> exemptions,
    List<Offering> offerings,
    boolean anywhere,
    LocalDate validFrom,
    LocalDate validTo,
    Decision decision,
    List<Case> cases) {

  /** The code of the one case of a procedure whose configuration lists no cases. */
  public static final String DEFAULT_CASE = "DEFAULT";

  public Procedure {
    offerings = offerings == null || offerings.isEmpty() ? List.of(new Offering(agencyCode, code)) : List.copyOf(offerings);
    cases = cases == null || cases.isEmpty()
        ? List.of(new Case(DEFAULT_CASE, name, duration, null, fee, feeNote, components, onlineLevel, processKey,
            steps, true, null, null))
        : List.copyOf(cases);
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(code + ": valid to " + validTo + " before valid from " + validFrom);
    }
  }

  /** A procedure with its offerings, in force since ever, with the one implicit case. */
  public Procedure(String code, String nationalCode, String name, String field, AgencyLevel level, String agencyCode,
      TimeLimit duration, OnlineLevel onlineLevel, FeeSchedule fee, String feeNote, String legalBasis,
      String processKey, List<Component> components, List<Step> steps, List<Exemption> exemptions,
      List<Offering> offerings, boolean anywhere) {
    this(code, nationalCode, name, field, level, agencyCode, duration, onlineLevel, fee, feeNote, legalBasis,
        processKey, components, steps, exemptions, offerings, anywhere, null, null, null, List.of());
  }

  /** A procedure received by its one competent agency only (the catalogue's form before offerings). */
  public Procedure(String code, String nationalCode, String name, String field, AgencyLevel level, String agencyCode,
      TimeLimit duration, OnlineLevel onlineLevel, FeeSchedule fee, String feeNote, String legalBasis,
      String processKey, List<Component> components, List<Step> steps, List<Exemption> exemptions) {
    this(code, nationalCode, name, field, level, agencyCode, duration, onlineLevel, fee, feeNote, legalBasis,
        processKey, components, steps, exemptions, List.of(new Offering(agencyCode, code)), false);
  }

  /** The offering of this agency, if it receives the procedure. */
  public Optional<Offering> offering(String agencyCode) {
    return offerings.stream().filter(o -> o.agencyCode().equals(agencyCode)).findFirst();
  }

  public boolean isOfferedBy(String agencyCode) {
    return offering(agencyCode).isPresent();
  }

  /** The case with this code, if this version has it. */
  public Optional<Case> caseOf(String caseCode) {
    return caseCode == null ? Optional.empty() : cases.stream().filter(c -> c.code().equals(caseCode)).findFirst();
  }

  /** True when the applicant has several cases to choose among. */
  public boolean hasSeveralCases() {
    return cases.size() > 1;
  }

  /**
   * The case a submission that names none takes: the only one, or the one the configuration marks {@code default}
   * (the common case, e.g. the normal fee, a simple certification); empty when the applicant must choose.
   */
  public Optional<Case> defaultCase() {
    return cases.size() == 1 ? Optional.of(cases.get(0)) : cases.stream().filter(Case::byDefault).findFirst();
  }

  /** True when this version is in force on that day. */
  public boolean isInForce(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
  }

  /** The same version valid over another period (a later version or a withdrawal ends it). */
  public Procedure withValidity(LocalDate from, LocalDate to) {
    return new Procedure(code, nationalCode, name, field, level, agencyCode, duration, onlineLevel, fee, feeNote,
        legalBasis, processKey, components, steps, exemptions, offerings, anywhere, from, to, decision, cases);
  }

  /**
   * This version as it stands on one day: only the cases and offerings in force that day (most have no period of
   * their own). Empty when none of its cases or none of its offerings is in force then.
   */
  public Optional<Procedure> on(LocalDate day) {
    List<Case> casesThen = cases.stream().filter(c -> within(day, c.validFrom(), c.validTo())).toList();
    List<Offering> offeringsThen = offerings.stream().filter(o -> within(day, o.validFrom(), o.validTo())).toList();
    if (casesThen.size() == cases.size() && offeringsThen.size() == offerings.size()) {
      return Optional.of(this);
    }
    if (casesThen.isEmpty() || offeringsThen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Procedure(code, nationalCode, name, field, level, offeringsThen.get(0).agencyCode(),
        duration, onlineLevel, fee, feeNote, legalBasis, processKey, components, steps, exemptions, offeringsThen,
        anywhere, validFrom, validTo, decision, casesThen));
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /** A dossier component (thành phần hồ sơ); one that is not required is needed only in some cases. */
  public record Component(String code, String name, boolean required) {
  }

  /** The fee of the common case (every declared quantity at its default); zero for a procedure without fees. */
  public long feeVnd() {
    return fee.defaultTotalVnd();
  }

  public List<Component> requiredComponents() {
    return components.stream().filter(Component::required).toList();
  }

  /** A ground for not paying the fee (miễn phí, lệ phí), with the code a clerk records. */
  public record Exemption(String code, String name) {
  }

  public boolean exempts(String code) {
    return exemptions.stream().anyMatch(e -> e.code().equals(code));
  }

  /**
   * One step of the internal process: a BPMN user task and its time budget in working hours.
   *
   * @param warnShare the share of the budget (0 &lt; x &lt; 1) after which the assignee is warned that the step runs
   *     out; null for the province's default ({@code motcua.steps.warn-share})
   */
  public record Step(String task, int workingHours, Double warnShare) {

    public Step(String task, int workingHours) {
      this(task, workingHours, null);
    }
  }

  /**
   * Xin ý kiến: an agency the handling agency asks for an opinion (model {@code dossier-consultation}), and the
   * working hours it has to answer; all are asked at once, and one that has not answered in time is gone on without.
   */
  public record Consultation(String agencyCode, int workingHours) {
  }

  public Optional<Step> step(String task) {
    return steps.stream().filter(s -> s.task().equals(task)).findFirst();
  }

  /**
   * A stage of an inter-agency procedure (giai đoạn liên thông): the agency that handles it and the budgets of the
   * stage's steps, in working hours.
   *
   * @param name       what the stage does, as the citizen reads it ("Đăng ký thường trú")
   * @param obligation the stage ends with a notice of financial obligation (thông báo nghĩa vụ tài chính) that the
   *     applicant pays before the next stage; the time they take is not counted, like a supplement pause
   */
  public record Stage(String agencyCode, String name, List<Step> steps, boolean obligation) {

    public Stage {
      steps = List.copyOf(steps);
    }

    public int workingHours() {
      return steps.stream().mapToInt(Step::workingHours).sum();
    }
  }

  /** The publication decision (quyết định công bố thủ tục hành chính): its number and the day it was signed. */
  public record Decision(String number, LocalDate date) {
  }

  /**
   * A case of the procedure (trường hợp thủ tục): what the applicant chooses at submission, and what fixes the
   * dossier's due date, fee, components, online level, process and step budgets. Each value the configuration does
   * not give is the procedure's.
   *
   * @param onlineDuration the time limit when submitted online, where the catalogue gives a different one; null: the
   *     same as {@code duration}
   * @param fee the case's fee schedule, including a reduced fee (mức thu giảm) that is not an exemption
   * @param byDefault the case a submission that names none takes (at most one per procedure)
   * @param validFrom first day the case is offered, null: as its procedure version
   * @param validTo last day the case is offered, null: as its procedure version
   * @param stages the agencies an inter-agency case passes through, in order (empty for a one-agency procedure)
   */
  public record Case(
      String code,
      String name,
      TimeLimit duration,
      TimeLimit onlineDuration,
      FeeSchedule fee,
      String feeNote,
      List<Component> components,
      OnlineLevel onlineLevel,
      String processKey,
      List<Step> steps,
      boolean byDefault,
      LocalDate validFrom,
      LocalDate validTo,
      List<Stage> stages,
      List<Consultation> consultations) {

    public Case {
      components = List.copyOf(components);
      steps = List.copyOf(steps);
      stages = stages == null ? List.of() : List.copyOf(stages);
      consultations = consultations == null ? List.of() : List.copyOf(consultations);
    }

    /** A one-agency case that consults no other agency. */
    public Case(String code, String name, TimeLimit duration, TimeLimit onlineDuration, FeeSchedule fee,
        String feeNote, List<Component> components, OnlineLevel onlineLevel, String processKey, List<Step> steps,
        boolean byDefault, LocalDate validFrom, LocalDate validTo) {
      this(code, name, duration, onlineDuration, fee, feeNote, components, onlineLevel, processKey, steps, byDefault,
          validFrom, validTo, List.of(), List.of());
    }

    /** The time limit of a dossier submitted through that channel. */
    public TimeLimit duration(boolean online) {
      return online && onlineDuration != null ? onlineDuration : duration;
    }

    /** The fee of the common case (every declared quantity at its default). */
    public long feeVnd() {
      return fee.defaultTotalVnd();
    }

    public List<Component> requiredComponents() {
      return components.stream().filter(Component::required).toList();
    }

    public Optional<Step> step(String task) {
      return steps.stream().filter(s -> s.task().equals(task)).findFirst();
    }
  }
}
