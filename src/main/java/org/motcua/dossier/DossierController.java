package org.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.motcua.common.RunsUseCase;
import org.motcua.dossier.DossierViews.DossierSummaryView;
import org.motcua.dossier.DossierViews.DossierView;
import org.motcua.dossier.DossierViews.PageView;
import org.motcua.document.Uploads;
import org.motcua.payment.Payments;
import org.motcua.security.MotcuaUser;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@Tag(name = "Dossiers",
    description = "Hồ sơ: submitting online, entering a paper dossier at the counter, following, supplementing, "
        + "withdrawing and rating a dossier.")
@RestController
class DossierController {

  private final ReceiveOnline online;
  private final ReceiveAtCounter counter;
  private final FollowDossier follow;
  private final ProvideSupplement supplement;
  private final RequestWithdrawal withdrawal;
  private final RateDossier rating;
  private final ChangeCase changeCase;
  private final FulfilObligation obligation;
  private final DossierMapper mapper;

  DossierController(ReceiveOnline online, ReceiveAtCounter counter, FollowDossier follow, ProvideSupplement supplement,
      RequestWithdrawal withdrawal, RateDossier rating, ChangeCase changeCase, FulfilObligation obligation,
      DossierMapper mapper) {
    this.changeCase = changeCase;
    this.obligation = obligation;
    this.online = online;
    this.counter = counter;
    this.follow = follow;
    this.supplement = supplement;
    this.withdrawal = withdrawal;
    this.rating = rating;
    this.mapper = mapper;
  }

  @Operation(operationId = "submitDossier", summary = "Submit a dossier online (nộp hồ sơ trực tuyến)",
      description = "A citizen submits a dossier for a procedure of the catalogue that accepts online submission: as "
          + "JSON, or with its component files in one call (`multipart/form-data`: a part `dossier` with the "
          + "same JSON and one file part per component, named by its code; nothing is stored if a file is "
          + "refused). Answers `201` with the dossier's code (mã hồ sơ), its status 1 (Mới đăng ký) and its "
          + "submission time; a clerk of the agency then receives it.",
      responses = @ApiResponse(responseCode = "201", description = "Submitted; `Location` is the dossier's address."))
  @PostMapping("/api/dossiers")
  @RunsUseCase(ReceiveOnline.class)
  ResponseEntity<DossierView> submit(@AuthenticationPrincipal MotcuaUser citizen,
      @Valid @RequestBody DossierRequests.SubmitDossier request) {
    Dossier dossier = online.submit(citizen, request);
    return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.getCode())).body(view(dossier));
  }

  /**
   * The same submission with its component files in one call ({@code multipart/form-data}): a part {@code dossier}
   * with the JSON above and one file part per component, named by its code. Nothing is stored if a file is refused.
   */
  @Operation(operationId = "submitDossier", summary = "Submit a dossier online (nộp hồ sơ trực tuyến)",
      description = "A citizen submits a dossier for a procedure of the catalogue that accepts online submission: as "
          + "JSON, or with its component files in one call (`multipart/form-data`: a part `dossier` with the "
          + "same JSON and one file part per component, named by its code; nothing is stored if a file is "
          + "refused). Answers `201` with the dossier's code (mã hồ sơ), its status 1 (Mới đăng ký) and its "
          + "submission time; a clerk of the agency then receives it.",
      responses = @ApiResponse(responseCode = "201", description = "Submitted; `Location` is the dossier's address."))
  @PostMapping(value = "/api/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RunsUseCase({ReceiveOnline.class, DossierDocuments.class, Uploads.class})
  ResponseEntity<DossierView> submitWithFiles(@AuthenticationPrincipal MotcuaUser citizen,
      @Valid @RequestPart("dossier") DossierRequests.SubmitDossier request, MultipartHttpServletRequest parts) {
    Dossier dossier = online.submit(citizen, request, parts.getFileMap().entrySet().stream()
        .map(part -> Attachment.upload(part.getKey(), part.getValue())).toList());
    return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.getCode())).body(view(dossier));
  }

  /** The caller's dossiers: a citizen's own ({@code ?mine}), an officer's agency's, everything for an admin. */
  @Operation(operationId = "listDossiers", summary = "List the dossiers the caller may see",
      description = "Newest first, paged (`page`, `size`): a citizen's own dossiers (`?mine`), an officer's "
          + "agency's, a supervisor's agency and the units below it, everything for an admin.")
  @GetMapping("/api/dossiers")
  @RunsUseCase(FollowDossier.class)
  PageView<DossierSummaryView> list(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam(required = false) String mine,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    Page<Dossier> found = follow.list(user, page, size);
    return new PageView<>(found.getContent().stream().map(mapper::toSummary).toList(),
        found.getNumber(), found.getSize(), found.getTotalElements());
  }

  @Operation(operationId = "getDossier", summary = "Follow a dossier (tra cứu hồ sơ)",
      description = "Status, dates (submitted, received, appointment date — ngày hẹn trả), fee, the steps open now "
          + "and the whole history of one dossier, for its applicant, the officers of its agency, the "
          + "supervisors above it and ADMIN.")
  @GetMapping("/api/dossiers/{code}")
  @RunsUseCase(FollowDossier.class)
  DossierView get(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return view(follow.read(user, code));
  }

  /** The applicant supplies what the supplement request (form 02) asked for. */
  @Operation(operationId = "provideSupplement", summary = "Provide a requested supplement (nộp bổ sung)",
      description = "Once the missing files are uploaded, the applicant (or a clerk of the agency at the counter) "
          + "answers the supplement request (form 02), with an optional note; the dossier goes back to the "
          + "clerk, its appointment date counted again from now.")
  @PostMapping("/api/dossiers/{code}/supplements")
  @RunsUseCase(ProvideSupplement.class)
  DossierView supplement(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      @Valid @RequestBody(required = false) DossierRequests.ProvideSupplement request) {
    return view(supplement.provide(citizen, code, request == null ? null : request.note()));
  }

  /** The applicant paid another agency's notice of financial obligation (e.g. the tax notice of a land dossier). */
  @Operation(operationId = "fulfilObligation", summary = "Record a paid financial obligation (đã thực hiện nghĩa vụ "
      + "tài chính)",
      description = "While an inter-agency dossier waits for the applicant to pay the notice another agency issued "
          + "(status 6, e.g. the tax authority's notice of a land registration), the applicant or a one-stop clerk of "
          + "the receiving agency records the receipt that proves the payment. The time limit was paused since the "
          + "notice: the appointment moves later by the working time waited, and the next stage starts. `409 "
          + "NO_OBLIGATION_PENDING` when no notice is waiting.")
  @PostMapping("/api/dossiers/{code}/financial-obligation")
  @RunsUseCase(FulfilObligation.class)
  DossierView fulfilObligation(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code,
      @Valid @RequestBody DossierRequests.FulfilObligation request) {
    return view(obligation.fulfil(user, code, request.receipt().trim()));
  }

  /**
   * Tiếp nhận tại quầy / qua bưu chính: a clerk enters a paper dossier; reception happens at once, after the fee when
   * it is due at submission (taken in the same request, or later while the dossier waits in status 6).
   */
  @Operation(operationId = "enterCounterDossier",
      summary = "Enter a dossier received at the counter or by post (tiếp nhận trực tiếp)",
      description = "A clerk of the procedure's agency enters a paper dossier, channel 1 (at the counter) or 3 (by "
          + "post). It is received at once, after the fee when that is due at submission (taken in the same "
          + "request, or later while the dossier waits in status 6). Answers `201` with the dossier.",
      responses = @ApiResponse(responseCode = "201", description = "Entered; `Location` is the dossier's address."))
  @PostMapping("/api/counter/dossiers")
  @RunsUseCase({ReceiveAtCounter.class, Payments.class})
  ResponseEntity<DossierView> enter(@AuthenticationPrincipal MotcuaUser clerk,
      @Valid @RequestBody DossierRequests.EnterDossier request) {
    Dossier dossier = counter.receive(clerk, request);
    return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.getCode())).body(view(dossier));
  }

  /** The applicant asks to withdraw; a clerk confirms or refuses in their inbox. */
  @Operation(operationId = "requestWithdrawal", summary = "Ask to withdraw a dossier (rút hồ sơ)",
      description = "The applicant asks, with a reason, to withdraw their dossier before the decision is signed; a "
          + "clerk confirms or refuses in their inbox, and until then no other work on the dossier is "
          + "decided.")
  @PostMapping("/api/dossiers/{code}/withdrawal")
  @RunsUseCase(RequestWithdrawal.class)
  DossierView withdraw(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      @Valid @RequestBody DossierRequests.RequestWithdrawal request) {
    return view(withdrawal.request(citizen, code, request.reason()));
  }

  /** Satisfaction rating, 1-5, and an optional comment. */
  record Rating(@jakarta.validation.constraints.NotNull(message = "{validation.required}") Integer rating,
      String comment) {
  }

  /** The applicant rates the returned dossier, once. */
  @Operation(operationId = "rateDossier", summary = "Rate a returned dossier (đánh giá mức độ hài lòng)",
      description = "The applicant rates the service from 1 to 5, with an optional comment, once the result is "
          + "returned, and only once; the rating is written on the processing-control slip.")
  @PostMapping("/api/dossiers/{code}/rating")
  @RunsUseCase(RateDossier.class)
  DossierView rate(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      @Valid @RequestBody Rating rating) {
    return view(this.rating.rate(citizen, code, rating.rating(), rating.comment()));
  }

  /** The case the clerk moves the dossier to. */
  record CaseChange(@jakarta.validation.constraints.NotBlank(message = "{validation.required}")
      @jakarta.validation.constraints.Size(max = 50, message = "{validation.size}") String caseCode) {
  }

  @Operation(operationId = "previewCaseChange", summary = "Preview a change of case (xem trước khi đổi trường hợp)",
      description = "A clerk of the receiving agency sees what the dossier, waiting for reception, would be under "
          + "another case of its catalogue version: fee, time limit, the appointment date if received now, and "
          + "components. Nothing changes.")
  @GetMapping("/api/dossiers/{code}/case")
  @RunsUseCase(ChangeCase.class)
  ChangeCase.Preview previewCase(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @RequestParam String caseCode) {
    return changeCase.preview(clerk, code, caseCode);
  }

  @Operation(operationId = "changeCase", summary = "Change the case at reception (đổi trường hợp)",
      description = "A clerk of the receiving agency moves a dossier waiting for reception to another case of its "
          + "catalogue version, as previewed: its fee, time limit, components and step budgets follow the new "
          + "case, and the history says so.")
  @PostMapping("/api/dossiers/{code}/case")
  @RunsUseCase(ChangeCase.class)
  DossierView changeCase(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @Valid @RequestBody CaseChange request) {
    return view(changeCase.confirm(clerk, code, request.caseCode()));
  }

  private DossierView view(Dossier dossier) {
    return mapper.toView(dossier, dossier.openSteps().orElseGet(() -> follow.openSteps(dossier.getCode())));
  }
}
