package org.motcua.feedback;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

/**
 * Phản ánh, kiến nghị: a citizen's feedback about one of their dossiers or about a procedure, to the agency
 * responsible (the dossier's receiving agency, or the one the citizen chose among the procedure's). Its three
 * deadlines are fixed when it is written, in working time from its submission ({@link FeedbackDeadlines}); each
 * action of the agency is late if taken after its own deadline, and an open feedback is overdue once its answer
 * deadline has passed.
 */
@Entity
@Table(name = "feedback")
public class Feedback {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_seq")
  @SequenceGenerator(name = "feedback_seq", sequenceName = "feedback_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String citizen;

  @Column(name = "citizen_name")
  private String citizenName;

  @Column(name = "dossier_code")
  private String dossierCode;

  @Column(name = "procedure_code", nullable = false)
  private String procedureCode;

  @Column(name = "agency_code", nullable = false)
  private String agencyCode;

  @Column(name = "agency_path", nullable = false)
  private String agencyPath;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false, length = 4000)
  private String content;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FeedbackState state;

  @Column(name = "submitted_at", nullable = false)
  private LocalDateTime submittedAt;

  @Column(name = "reject_due", nullable = false)
  private LocalDateTime rejectDue;

  @Column(name = "information_due", nullable = false)
  private LocalDateTime informationDue;

  @Column(name = "answer_due", nullable = false)
  private LocalDateTime answerDue;

  @Column(name = "closed_at")
  private LocalDateTime closedAt;

  /** An action of the agency came after its deadline. */
  @Column(nullable = false)
  private boolean late;

  @Column(length = 4000)
  private String answer;

  @Enumerated(EnumType.STRING)
  private Reaction reaction;

  @Column(name = "reacted_at")
  private LocalDateTime reactedAt;

  @Version
  private long version;

  @OneToMany(mappedBy = "feedback", cascade = CascadeType.ALL)
  @OrderBy("at, id")
  private List<FeedbackEvent> history = new ArrayList<>();

  /** The citizen's opinion of the answer. */
  public enum Reaction { LIKE, DISLIKE }

  protected Feedback() {
  }

  static Feedback write(String citizen, String citizenName, String dossierCode, String procedureCode,
      String agencyCode, String agencyPath, String title, String content, LocalDateTime at,
      FeedbackDeadlines.Dates due) {
    Feedback f = new Feedback();
    f.citizen = citizen;
    f.citizenName = citizenName;
    f.dossierCode = dossierCode;
    f.procedureCode = procedureCode;
    f.agencyCode = agencyCode;
    f.agencyPath = agencyPath;
    f.title = title;
    f.content = content;
    f.state = FeedbackState.SUBMITTED;
    f.submittedAt = at;
    f.rejectDue = due.reject();
    f.informationDue = due.requestInformation();
    f.answerDue = due.answer();
    f.record(FeedbackAction.SUBMITTED, at, citizen, citizenName, title);
    return f;
  }

  void reject(LocalDateTime at, String officer, String officerName, String reason) {
    close(FeedbackState.REJECTED, at, rejectDue);
    answer = reason;
    record(FeedbackAction.REJECTED, at, officer, officerName, reason);
  }

  void requestInformation(LocalDateTime at, String officer, String officerName, String what) {
    state = FeedbackState.INFORMATION_REQUESTED;
    late |= at.isAfter(informationDue);
    record(FeedbackAction.INFORMATION_REQUESTED, at, officer, officerName, what);
  }

  void provideInformation(LocalDateTime at, String text) {
    state = FeedbackState.INFORMATION_PROVIDED;
    record(FeedbackAction.INFORMATION_PROVIDED, at, citizen, citizenName, text);
  }

  void answer(LocalDateTime at, String officer, String officerName, String text) {
    close(FeedbackState.ANSWERED, at, answerDue);
    answer = text;
    record(FeedbackAction.ANSWERED, at, officer, officerName, text);
  }

  void react(LocalDateTime at, Reaction r) {
    reaction = r;
    reactedAt = at;
    record(r == Reaction.LIKE ? FeedbackAction.LIKED : FeedbackAction.DISLIKED, at, citizen, citizenName, null);
  }

  private void close(FeedbackState to, LocalDateTime at, LocalDateTime due) {
    state = to;
    closedAt = at;
    late |= at.isAfter(due);
  }

  private void record(FeedbackAction action, LocalDateTime at, String actor, String actorName, String text) {
    history.add(new FeedbackEvent(this, at, action, actor, actorName, text));
  }

  /** Overdue at {@code now}: an action came after its deadline, or it is still open past its answer deadline. */
  public boolean isOverdue(LocalDateTime now) {
    return late || (state.isOpen() && now.isAfter(answerDue));
  }

  public Long getId() {
    return id;
  }

  public String getCitizen() {
    return citizen;
  }

  public String getCitizenName() {
    return citizenName;
  }

  public String getDossierCode() {
    return dossierCode;
  }

  public String getProcedureCode() {
    return procedureCode;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public String getAgencyPath() {
    return agencyPath;
  }

  public String getTitle() {
    return title;
  }

  public String getContent() {
    return content;
  }

  public FeedbackState getState() {
    return state;
  }

  public LocalDateTime getSubmittedAt() {
    return submittedAt;
  }

  public LocalDateTime getRejectDue() {
    return rejectDue;
  }

  public LocalDateTime getInformationDue() {
    return informationDue;
  }

  public LocalDateTime getAnswerDue() {
    return answerDue;
  }

  public LocalDateTime getClosedAt() {
    return closedAt;
  }

  public boolean isLate() {
    return late;
  }

  public String getAnswer() {
    return answer;
  }

  public Reaction getReaction() {
    return reaction;
  }

  public LocalDateTime getReactedAt() {
    return reactedAt;
  }

  public List<FeedbackEvent> getHistory() {
    return history;
  }
}
