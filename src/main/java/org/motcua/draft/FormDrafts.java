package org.motcua.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.CatalogRefusal;
import org.motcua.common.AnyRequestRefusal;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of online submissions (bản nháp), each its owner's alone: a citizen saves what they typed into a submit
 * page, lists their drafts, resumes and deletes one. Another's draft is answered as unknown. A draft is not a dossier
 * (no code, no history, counted nowhere) and expires {@code motcua.drafts.expire-days} after it was last saved;
 * {@link #deleteExpired()} removes expired ones (the schedule runs it) and none is shown after its expiry anyway.
 */
@Service
public class FormDrafts implements UseCase {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormDraftRepository drafts;
  private final Catalog catalog;
  private final Clock clock;
  private final int expireDays;
  private final int maxPerAccount;
  private final int maxBytes;

  FormDrafts(FormDraftRepository drafts, Catalog catalog, Clock clock,
      @Value("${motcua.drafts.expire-days:30}") int expireDays,
      @Value("${motcua.drafts.max-per-account:20}") int maxPerAccount,
      @Value("${motcua.drafts.max-bytes:100000}") int maxBytes) {
    if (expireDays < 1) {
      throw new IllegalStateException("motcua.drafts.expire-days must be 1 or more, not " + expireDays);
    }
    this.drafts = drafts;
    this.catalog = catalog;
    this.clock = clock;
    this.expireDays = expireDays;
    this.maxPerAccount = maxPerAccount;
    this.maxBytes = maxBytes;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AnyRequestRefusal.ACCESS_DENIED, CatalogRefusal.UNKNOWN_PROCEDURE, DraftRefusal.UNKNOWN_DRAFT, DraftRefusal.DRAFT_TOO_LARGE,
        DraftRefusal.TOO_MANY_DRAFTS, DraftRefusal.DRAFT_NOT_AN_OBJECT);
  }

  /**
   * A draft as its owner sees it.
   *
   * @param data what was saved: for the submit page {@code {"form": {…}, "fields": {…}}}
   * @param expiresAt when it is deleted unless saved again before
   */
  public record Draft(long id, String procedureCode, JsonNode data, LocalDateTime createdAt, LocalDateTime updatedAt,
      LocalDateTime expiresAt) {
  }

  /** How many days a draft is kept after it was last saved. */
  public int expireDays() {
    return expireDays;
  }

  /** The caller's drafts not expired, the last saved first. */
  @Transactional(readOnly = true)
  public List<Draft> mine(MotcuaUser user) {
    citizen(user);
    return drafts.findByOwnerUsernameAndExpiresAtAfterOrderByUpdatedAtDesc(user.username(), now()).stream()
        .map(FormDrafts::view).toList();
  }

  /** One of the caller's drafts; another's, an expired or a missing one: {@link DraftRefusal#UNKNOWN_DRAFT}. */
  @Transactional(readOnly = true)
  public Draft read(MotcuaUser user, long id) {
    return view(own(user, id));
  }

  /**
   * Saves a new draft ({@code id} null) or again one of the caller's, which then expires {@code expire-days} from
   * now. Nothing in the data is checked beyond its size: a draft may be incomplete or wrong.
   */
  @Transactional
  public Draft save(MotcuaUser user, Long id, String procedureCode, JsonNode data) {
    citizen(user);
    if (procedureCode == null || catalog.procedure(procedureCode).isEmpty()) {
      throw CatalogRefusal.UNKNOWN_PROCEDURE.exception(procedureCode);
    }
    if (data == null || !data.isObject()) {
      throw DraftRefusal.DRAFT_NOT_AN_OBJECT.exception();
    }
    String text = data.toString();
    if (text.length() > maxBytes) {
      throw DraftRefusal.DRAFT_TOO_LARGE.exception(maxBytes / 1000);
    }
    LocalDateTime now = now();
    FormDraft draft;
    if (id == null) {
      if (drafts.countByOwnerUsernameAndExpiresAtAfter(user.username(), now) >= maxPerAccount) {
        throw DraftRefusal.TOO_MANY_DRAFTS.exception(maxPerAccount);
      }
      draft = new FormDraft(user.username(), procedureCode, now);
    } else {
      draft = own(user, id);
      if (!draft.getProcedureCode().equals(procedureCode)) {
        // A draft is of one procedure: another's fields would not fit its form.
        throw DraftRefusal.UNKNOWN_DRAFT.exception(String.valueOf(id));
      }
    }
    draft.save(text, now, now.plusDays(expireDays));
    return view(drafts.save(draft));
  }

  /** Deletes one of the caller's drafts (after it was submitted, or when they no longer want it). */
  @Transactional
  public void delete(MotcuaUser user, long id) {
    drafts.delete(own(user, id));
  }

  /** Deletes every expired draft, of every account; returns how many. */
  @Transactional
  public int deleteExpired() {
    return drafts.deleteExpired(now());
  }

  private FormDraft own(MotcuaUser user, long id) {
    citizen(user);
    return drafts.findById(id)
        .filter(d -> d.getOwnerUsername().equals(user.username()) && d.getExpiresAt().isAfter(now()))
        .orElseThrow(() -> DraftRefusal.UNKNOWN_DRAFT.exception(String.valueOf(id)));
  }

  /** Drafts are of online submissions, which citizens make. */
  private static void citizen(MotcuaUser user) {
    if (user == null || !user.is(Role.CITIZEN)) {
      throw AnyRequestRefusal.ACCESS_DENIED.exception();
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  private static Draft view(FormDraft d) {
    JsonNode data;
    try {
      data = JSON.readTree(d.getData());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable draft " + d.getId(), e);
    }
    return new Draft(d.getId(), d.getProcedureCode(), data, d.getCreatedAt(), d.getUpdatedAt(), d.getExpiresAt());
  }
}
