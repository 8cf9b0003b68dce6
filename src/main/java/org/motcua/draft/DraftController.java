package org.motcua.draft;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.motcua.common.RunsUseCase;
import org.motcua.security.MotcuaUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A citizen's drafts of online submissions: what the submit page's "Lưu nháp" keeps, through the API. */
@Tag(name = "Drafts",
    description = "Bản nháp: a citizen's unfinished online submission (the e-form's data and the applicant part), "
        + "theirs alone, kept motcua.drafts.expire-days after it was last saved. Not a dossier: no code, in no "
        + "indicator.")
@RestController
class DraftController {

  private final FormDrafts drafts;

  DraftController(FormDrafts drafts) {
    this.drafts = drafts;
  }

  /**
   * What a draft keeps: the procedure it is a submission of and its data, any JSON object (the submit page keeps
   * {@code {"form": {…}, "fields": {…}}}); nothing in it is checked until it is submitted.
   */
  record DraftInput(
      @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String procedureCode,
      @NotNull(message = "{validation.required}") JsonNode data) {
  }

  @Operation(operationId = "listDrafts", summary = "My drafts (bản nháp)",
      description = "The signed-in citizen's drafts not expired, the last saved first. Another account's drafts are "
          + "never listed; an officer has none (`403`).")
  @GetMapping("/api/drafts")
  @RunsUseCase(FormDrafts.class)
  List<FormDrafts.Draft> list(@AuthenticationPrincipal MotcuaUser user) {
    return drafts.mine(user);
  }

  @Operation(operationId = "createDraft", summary = "Save a new draft",
      description = "Keeps the data for the signed-in citizen; answers `201` with the draft and its `expiresAt`. "
          + "`404 UNKNOWN_PROCEDURE` for a procedure not in the catalogue, `413 DRAFT_TOO_LARGE`, `409 "
          + "TOO_MANY_DRAFTS` over `motcua.drafts.max-per-account`.")
  @PostMapping("/api/drafts")
  @RunsUseCase(FormDrafts.class)
  ResponseEntity<FormDrafts.Draft> create(@AuthenticationPrincipal MotcuaUser user,
      @Valid @RequestBody DraftInput input) {
    FormDrafts.Draft draft = drafts.save(user, null, input.procedureCode(), input.data());
    return ResponseEntity.created(URI.create("/api/drafts/" + draft.id())).body(draft);
  }

  @Operation(operationId = "readDraft", summary = "One of my drafts",
      description = "`404 UNKNOWN_DRAFT` for another account's, an expired or a missing draft alike.")
  @GetMapping("/api/drafts/{id}")
  @RunsUseCase(FormDrafts.class)
  FormDrafts.Draft read(@AuthenticationPrincipal MotcuaUser user, @PathVariable long id) {
    return drafts.read(user, id);
  }

  @Operation(operationId = "saveDraft", summary = "Save one of my drafts again",
      description = "Replaces its data; it then expires `motcua.drafts.expire-days` from now. The procedure stays "
          + "the draft's own (`404 UNKNOWN_DRAFT` for another).")
  @PutMapping("/api/drafts/{id}")
  @RunsUseCase(FormDrafts.class)
  FormDrafts.Draft save(@AuthenticationPrincipal MotcuaUser user, @PathVariable long id,
      @Valid @RequestBody DraftInput input) {
    return drafts.save(user, id, input.procedureCode(), input.data());
  }

  @Operation(operationId = "deleteDraft", summary = "Delete one of my drafts", description = "Answers `204`.")
  @DeleteMapping("/api/drafts/{id}")
  @RunsUseCase(FormDrafts.class)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal MotcuaUser user, @PathVariable long id) {
    drafts.delete(user, id);
  }
}
