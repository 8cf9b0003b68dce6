package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.security.MotcuaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Đánh giá mức độ hài lòng: the applicant rates a returned dossier once, 1 (very unsatisfied) to 5 (very satisfied),
 * with an optional comment; the rating goes on the processing-control slip.
 */
@Service
public class RateDossier implements UseCase {

  /** The longest comment kept with a rating. */
  static final int MAX_COMMENT = 1000;

  /** What is wrong with the rating itself. */
  public enum Invalid implements Refusal {
    /** Not 1 to 5. Args: rating. */
    INVALID_RATING("rating"),
    /** Args: the longest allowed. */
    RATING_COMMENT_TOO_LONG("comment");

    private final String field;

    Invalid(String field) {
      this.field = field;
    }

    @Override
    public HttpStatus status() {
      return HttpStatus.BAD_REQUEST;
    }

    @Override
    public Optional<String> field() {
      return Optional.of(field);
    }
  }

  private final DossierLookup lookup;
  private final Clock clock;

  RateDossier(DossierLookup lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED, Invalid.INVALID_RATING,
        Invalid.RATING_COMMENT_TOO_LONG, DossierRefusal.Reason.RATING_NOT_OPEN, DossierRefusal.Reason.ALREADY_RATED);
  }

  @Transactional
  public Dossier rate(MotcuaUser citizen, String code, int rating, String comment) {
    Dossier dossier = lookup.find(code);
    DossierAccess.checkOwner(citizen, dossier);
    if (rating < 1 || rating > 5) {
      throw Invalid.INVALID_RATING.exception(rating);
    }
    String text = comment == null || comment.isBlank() ? null : comment.trim();
    if (text != null && text.length() > MAX_COMMENT) {
      throw Invalid.RATING_COMMENT_TOO_LONG.exception(MAX_COMMENT);
    }
    dossier.ratingRefusal().ifPresent(DossierRefusal::raise);
    dossier.rate(LocalDateTime.now(clock), Actor.of(citizen), rating, text);
    lookup.save(dossier);
    return lookup.shown(dossier);
  }
}
