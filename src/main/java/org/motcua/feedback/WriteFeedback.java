package org.motcua.feedback;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Offering;
import org.motcua.catalog.Procedure;
import org.motcua.common.AnyRequestRefusal;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.dossier.AccessRefusal;
import org.motcua.dossier.DossierFeedback;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gửi phản ánh, kiến nghị: a citizen writes feedback about one of their own dossiers (the dossier's receiving agency
 * answers) or about a procedure (the agency they choose among those receiving it; none needed when only one does).
 * Its deadlines are counted from now on the working-time calendar. A feedback about a dossier is also recorded on
 * the dossier (a history line and a fact of the satisfaction indicator).
 */
@Service
public class WriteFeedback implements UseCase {

  /** What the citizen writes; identity comes from the signed-in account. */
  public record Request(String dossierCode, String procedureCode, String agencyCode, String title, String content) {
  }

  private final FeedbackRepository feedback;
  private final FeedbackLookup lookup;
  private final FeedbackDeadlines deadlines;
  private final FeedbackProperties properties;
  private final DossierFeedback dossiers;
  private final Catalog catalog;

  WriteFeedback(FeedbackRepository feedback, FeedbackLookup lookup, FeedbackDeadlines deadlines,
      FeedbackProperties properties, DossierFeedback dossiers, Catalog catalog) {
    this.feedback = feedback;
    this.lookup = lookup;
    this.deadlines = deadlines;
    this.properties = properties;
    this.dossiers = dossiers;
    this.catalog = catalog;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, FeedbackRefusal.FEEDBACK_SUBJECT_REQUIRED,
        FeedbackRefusal.FEEDBACK_UNKNOWN_PROCEDURE, FeedbackRefusal.FEEDBACK_AGENCY_NOT_OFFERING,
        FeedbackRefusal.FEEDBACK_TITLE_REQUIRED, FeedbackRefusal.FEEDBACK_TEXT_REQUIRED,
        FeedbackRefusal.FEEDBACK_TEXT_TOO_LONG, AnyRequestRefusal.ACCESS_DENIED);
  }

  @Transactional
  public FeedbackView write(MotcuaUser citizen, Request r) {
    if (!citizen.is(Role.CITIZEN)) {
      throw AnyRequestRefusal.ACCESS_DENIED.exception();
    }
    String title = Texts.required(r.title(), FeedbackRefusal.FEEDBACK_TITLE_REQUIRED, properties.maxTitle());
    String content = Texts.required(r.content(), FeedbackRefusal.FEEDBACK_TEXT_REQUIRED, properties.maxContent());
    LocalDateTime now = lookup.now();
    Feedback f;
    if (r.dossierCode() != null && !r.dossierCode().isBlank()) {
      DossierFeedback.Subject d = dossiers.ownDossier(citizen, r.dossierCode().trim());
      f = Feedback.write(citizen.username(), citizen.fullName(), d.code(), d.procedureCode(), d.agencyCode(),
          d.agencyPath(), title, content, now, deadlines.from(now));
      feedback.save(f);
      dossiers.written(d.code(), now, citizen, title);
    } else if (r.procedureCode() != null && !r.procedureCode().isBlank()) {
      String code = r.procedureCode().trim();
      Procedure p = catalog.procedure(code)
          .orElseThrow(() -> FeedbackRefusal.FEEDBACK_UNKNOWN_PROCEDURE.exception(code));
      String agency = agencyOf(p, r.agencyCode());
      f = Feedback.write(citizen.username(), citizen.fullName(), null, p.code(), agency, catalog.path(agency), title,
          content, now, deadlines.from(now));
      feedback.save(f);
    } else {
      throw FeedbackRefusal.FEEDBACK_SUBJECT_REQUIRED.exception();
    }
    return lookup.view(f, true);
  }

  /** The chosen agency among the procedure's offerings, or its only one. */
  private static String agencyOf(Procedure p, String chosen) {
    List<String> offering = p.offerings().stream().map(Offering::agencyCode).distinct().toList();
    if (chosen == null || chosen.isBlank()) {
      if (offering.size() == 1) {
        return offering.get(0);
      }
      throw FeedbackRefusal.FEEDBACK_AGENCY_NOT_OFFERING.exception("", p.code());
    }
    if (!offering.contains(chosen.trim())) {
      throw FeedbackRefusal.FEEDBACK_AGENCY_NOT_OFFERING.exception(chosen.trim(), p.code());
    }
    return chosen.trim();
  }
}
