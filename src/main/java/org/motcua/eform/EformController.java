package org.motcua.eform;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.motcua.common.RunsUseCase;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The e-form of a procedure: its definition, and the case its data selects. */
@Tag(name = "E-forms",
    description = "Biểu mẫu điện tử tương tác: the declaration (tờ khai) of a procedure case as a form to fill in, "
        + "checked field by field, that selects the case where the law does.")
@RestController
class EformController {

  private final ReadForm forms;
  private final AccountIdentities identities;

  EformController(ReadForm forms, AccountIdentities identities) {
    this.forms = forms;
    this.identities = identities;
  }

  @Operation(operationId = "getProcedureForm", summary = "Read a procedure's e-form (biểu mẫu điện tử tờ khai)",
      description = "The e-form definition of the procedure version in force (`at=YYYY-MM-DD`: that day's) for a case "
          + "(`case`; without it the definition the procedure's cases share): the JSON Schema of the data, the "
          + "layout (sections, Vietnamese labels, help, widgets, which fields the account pre-fills, which are "
          + "required), the official form it follows and the rules by which the data selects the case. Public like "
          + "the catalogue; a signed-in caller also gets `prefill`, the values their account fills in. `404 NO_FORM` "
          + "when the case has no e-form (its declaration is uploaded as a file).")
  @GetMapping("/api/procedures/{code}/form")
  @RunsUseCase(ReadForm.class)
  FormViews.FormView form(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code,
      @RequestParam(name = "case", required = false) String caseCode, @RequestParam(required = false) String at) {
    return forms.read(code, caseCode, at, identities.of(user));
  }

  /** The data filled in so far, whose case the applicant wants to know. */
  record CaseQuestion(@NotNull(message = "{validation.required}") JsonNode form) {
  }

  @Operation(operationId = "previewFormCase", summary = "See the case and fee the form's data selects",
      description = "Before submitting, the applicant sends the data filled in so far (`form`, the same object as in "
          + "`POST /api/dossiers`) and reads which case of the procedure version in force it selects by the "
          + "definition's rules (e.g. a birth registered more than 60 days after the birth date is the late "
          + "registration, with its fee), with the fee at the schedule's default quantities and the time limit "
          + "online. Nothing is stored. Without rules the procedure's default case is answered (`byRule` false).")
  @PostMapping("/api/procedures/{code}/form/case")
  @RunsUseCase(ReadForm.class)
  FormViews.CaseView selectCase(@PathVariable String code, @Valid @RequestBody CaseQuestion question) {
    return forms.selectCase(code, question.form());
  }
}
