package org.motcua.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.motcua.common.RunsUseCase;
import org.motcua.dossier.DossierViews.DossierView;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The declaration of a dossier filled in as an e-form: the reception clerk's correction. */
@Tag(name = "E-forms",
    description = "Biểu mẫu điện tử tương tác: the declaration (tờ khai) of a procedure case as a form to fill in, "
        + "checked field by field, that selects the case where the law does.")
@RestController
class DeclarationController {

  private final CorrectDeclaration correction;
  private final FollowDossier follow;
  private final DossierMapper mapper;

  DeclarationController(CorrectDeclaration correction, FollowDossier follow, DossierMapper mapper) {
    this.correction = correction;
    this.follow = follow;
    this.mapper = mapper;
  }

  /** One field of the declaration and its corrected value (JSON null clears an optional field). */
  record Correction(
      @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String field,
      JsonNode value,
      @Size(max = 1000, message = "{validation.size}") String reason) {
  }

  @Operation(operationId = "correctDeclaration", summary = "Correct the e-form declaration at reception (sửa thông "
      + "tin tờ khai)",
      description = "While an online dossier waits for reception (status 1), a reception clerk of its agency corrects "
          + "one field of the declaration the applicant filled in as an e-form (`field` as the layout names it, e.g. "
          + "`child.fullName`; `value` the corrected JSON value; `reason` optional). The data is checked again "
          + "against its definition (`400 FORM_INVALID` naming the field), the history records the field before and "
          + "after (`FORM_CORRECTED`) and the declaration PDF is rendered again. Answers the dossier, whose `form` "
          + "carries the corrected data. `409 NO_FORM_DATA` when the declaration came as a file, `409 "
          + "FORM_CORRECTION_NOT_ALLOWED` once the dossier is received.")
  @PostMapping("/api/dossiers/{code}/form/corrections")
  @RunsUseCase(CorrectDeclaration.class)
  DossierView correct(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @Valid @RequestBody Correction request) {
    Dossier dossier = correction.correct(clerk, code, request.field(), request.value(), request.reason());
    return mapper.toView(dossier, dossier.openSteps().orElseGet(() -> follow.openSteps(dossier.getCode())));
  }
}
