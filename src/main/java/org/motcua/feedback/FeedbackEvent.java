package org.motcua.feedback;

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

/** One line of a feedback's history: who did what, when, with what text. */
@Entity
@Table(name = "feedback_event")
public class FeedbackEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_event_seq")
  @SequenceGenerator(name = "feedback_event_seq", sequenceName = "feedback_event_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "feedback_id")
  private Feedback feedback;

  @Column(nullable = false)
  private LocalDateTime at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FeedbackAction action;

  @Column(nullable = false)
  private String actor;

  @Column(name = "actor_name")
  private String actorName;

  @Column(length = 4000)
  private String text;

  protected FeedbackEvent() {
  }

  FeedbackEvent(Feedback feedback, LocalDateTime at, FeedbackAction action, String actor, String actorName,
      String text) {
    this.feedback = feedback;
    this.at = at;
    this.action = action;
    this.actor = actor;
    this.actorName = actorName;
    this.text = text;
  }

  public LocalDateTime getAt() {
    return at;
  }

  public FeedbackAction getAction() {
    return action;
  }

  public String getActor() {
    return actor;
  }

  public String getActorName() {
    return actorName;
  }

  public String getText() {
    return text;
  }
}
