package org.motcua.catalog;

import java.util.List;
import java.util.Optional;
import org.motcua.calendar.TimeLimit;

/**
 * An administrative procedure (thủ tục hành chính) of the catalog, as configured in {@code config/procedures.yml}.
 *
 * @param agencyCode the first receiving agency of {@link #offerings}: for a procedure with one offering, its
 *     competent agency; callers that receive a dossier use the agency the applicant or clerk chose instead
 * @param fee what the applicant pays (phí, lệ phí) and when; {@code feeNote} spells the legal rule in words
 * @param steps the internal process (quy trình nội bộ): the working-hour budget of each BPMN user task
 * @param offerings the agencies that receive it (never empty), in catalogue order
 * @param anywhere phi địa giới hành chính: any offering agency receives any applicant, wherever they live; otherwise
 *     the applicant is expected to submit to the agency of their residence, which the reception clerk checks
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
    boolean anywhere) {

  public Procedure {
    offerings = offerings == null || offerings.isEmpty() ? List.of(new Offering(agencyCode, code)) : List.copyOf(offerings);
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

  /** One step of the internal process: a BPMN user task and its time budget in working hours. */
  public record Step(String task, int workingHours) {
  }

  public Optional<Step> step(String task) {
    return steps.stream().filter(s -> s.task().equals(task)).findFirst();
  }
}
