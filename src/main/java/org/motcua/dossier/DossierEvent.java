package org.motcua.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of a dossier's history: who, in which role and agency, when, what, and the step's own deadline. */
// A history line is written once and never changed: Hibernate need not check it for changes at every flush.
@org.hibernate.annotations.Immutable
@Entity
@Table(name = "dossier_event")
public class DossierEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_event_seq")
  @SequenceGenerator(name = "dossier_event_seq", sequenceName = "dossier_event_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dossier_id")
  private Dossier dossier;

  @Column(nullable = false)
  private LocalDateTime at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DossierAction action;

  @Column(name = "status_code", nullable = false)
  private int statusCode;

  @Column(name = "actor_username", nullable = false)
  private String actorUsername;

  @Column(name = "actor_name", nullable = false)
  private String actorName;

  @Column(name = "actor_role", nullable = false)
  private String actorRole;

  @Column(name = "actor_agency")
  private String actorAgency;

  private String step;

  @Column(name = "step_name")
  private String stepName;

  private String decision;

  /** The longest note a history line keeps (its column); a longer text lives whole where it came from. */
  static final int MAX_NOTE = 2000;

  @Column(length = MAX_NOTE)
  private String note;

  @Column(name = "step_due_at")
  private LocalDateTime stepDueAt;

  protected DossierEvent() {
  }

  DossierEvent(Dossier dossier, LocalDateTime at, DossierAction action, Actor actor) {
    this.dossier = dossier;
    this.at = at;
    this.action = action;
    this.statusCode = dossier.getStatus().code();
    this.actorUsername = actor.username();
    this.actorName = actor.name();
    this.actorRole = actor.role();
    this.actorAgency = actor.agencyCode();
  }

  DossierEvent step(String step, String stepName, LocalDateTime stepDueAt) {
    this.step = step;
    this.stepName = stepName;
    this.stepDueAt = stepDueAt;
    return this;
  }

  DossierEvent decision(String decision, String note) {
    this.decision = decision;
    // A feedback's reason or a correction's before and after may be longer than the line keeps.
    this.note = note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
    return this;
  }

  public Long getId() {
    return id;
  }

  public LocalDateTime getAt() {
    return at;
  }

  public DossierAction getAction() {
    return action;
  }

  public int getStatusCode() {
    return statusCode;
  }

  public String getActorUsername() {
    return actorUsername;
  }

  public String getActorName() {
    return actorName;
  }

  public String getActorRole() {
    return actorRole;
  }

  public String getActorAgency() {
    return actorAgency;
  }

  public String getStep() {
    return step;
  }

  public String getStepName() {
    return stepName;
  }

  public String getDecision() {
    return decision;
  }

  public String getNote() {
    return note;
  }

  public LocalDateTime getStepDueAt() {
    return stepDueAt;
  }
}
