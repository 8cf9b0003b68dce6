package org.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.motcua.common.RunsUseCase;
import org.motcua.dossier.DossierViews.DocumentView;
import org.motcua.dossier.DossierViews.ReuseOfferView;
import org.motcua.document.Uploads;
import org.motcua.security.MotcuaUser;
import org.motcua.warehouse.Warehouse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Files of a dossier: upload or scan a component, reuse from the e-data warehouse, the e-result, downloads. */
@Tag(name = "Documents",
    description = "Thành phần hồ sơ: the files of a dossier (uploaded, scanned or reused from the e-data "
        + "warehouse), its e-result and their download.")
@RestController
class DocumentController {

  private final DossierDocuments documents;
  private final AttachStageResult stageResults;
  private final DossierMapper mapper;

  DocumentController(DossierDocuments documents, AttachStageResult stageResults, DossierMapper mapper) {
    this.documents = documents;
    this.stageResults = stageResults;
    this.mapper = mapper;
  }

  @Operation(operationId = "uploadDocument", summary = "Upload or scan a component (thành phần hồ sơ)",
      description = "A file (PDF, JPEG or PNG, checked by its content; its SHA-256 is recorded) for one component of "
          + "the dossier, with optionally the issuing agency and the dates of the paper. The applicant "
          + "uploads while the dossier is submitted or a supplement is asked for; a clerk of its agency "
          + "scans while the agency handles it. Answers `201`.")
  @PostMapping(path = "/api/dossiers/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RunsUseCase({DossierDocuments.class, Uploads.class})
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView upload(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code,
      @RequestParam String component, @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String issuingAgency,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {
    return mapper.toView(documents.upload(user, code, component, file, issuingAgency, issuedOn, validUntil));
  }

  @Operation(operationId = "reuseDocument", summary = "Reuse a paper from the e-data warehouse (tái sử dụng)",
      description = "Supplies a component with an item of the e-data warehouse (kho dữ liệu điện tử) of the "
          + "applicant the dossier is bound to, instead of uploading it again: the item must be of the "
          + "component's type and still valid. Answers `201`.")
  @PostMapping("/api/dossiers/{code}/documents/reuse")
  @RunsUseCase({DossierDocuments.class, Warehouse.class})
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView reuse(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code,
      @Valid @RequestBody DossierRequests.ReuseDocument request) {
    return mapper.toView(documents.reuse(user, code, request));
  }

  @Operation(operationId = "listDocuments", summary = "List a dossier's files",
      description = "Every component file and the e-result of the dossier, with type, size and SHA-256, for the "
          + "people who may read the dossier.")
  @GetMapping("/api/dossiers/{code}/documents")
  @RunsUseCase(DossierDocuments.class)
  List<DocumentView> list(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return mapper.toDocumentViews(documents.list(user, code));
  }

  /** What the applicant's e-data warehouse can supply for the components still missing. */
  @Operation(operationId = "listReuseOffers", summary = "What the e-data warehouse can supply",
      description = "For each component still missing, the items of the applicant's e-data warehouse that could "
          + "stand in for it.")
  @GetMapping("/api/dossiers/{code}/reuse-offers")
  @RunsUseCase(DossierDocuments.class)
  List<ReuseOfferView> offers(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return documents.reuseOffers(user, code).entrySet().stream()
        .map(e -> new ReuseOfferView(e.getKey(), mapper.toItemViews(e.getValue())))
        .toList();
  }

  @Operation(operationId = "uploadResult", summary = "Upload the e-result (kết quả điện tử)",
      description = "An officer of the dossier's agency uploads the signed electronic result after approval and "
          + "before the result is returned. Answers `201`.")
  @PostMapping(path = "/api/dossiers/{code}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RunsUseCase({DossierDocuments.class, Uploads.class})
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView result(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code,
      @RequestParam("file") MultipartFile file) {
    return mapper.toView(documents.uploadResult(officer, code, file));
  }

  @Operation(operationId = "attachStageResult", summary = "Attach an inter-agency stage's result (kết quả giai đoạn)",
      description = "An officer of the agency handling the inter-agency stage the dossier is in attaches the stage's "
          + "result (multipart part `file`), which the next stages and the receiving one-stop shop read with the "
          + "dossier's files; the stage's leader approves only once it is attached. Answers `201`; `403` for another "
          + "agency's officer, `409 STAGE_RESULT_NOT_EXPECTED` when the dossier is not being handled at a stage.")
  @PostMapping(path = "/api/dossiers/{code}/stage-result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RunsUseCase({AttachStageResult.class, Uploads.class})
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView stageResult(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code,
      @RequestParam("file") MultipartFile file) {
    return mapper.toView(stageResults.attach(officer, code, file));
  }

  @Operation(operationId = "downloadDocument", summary = "Download a file",
      description = "The stored file as it was uploaded (its type and name), for the applicant and the officers of "
          + "the dossier's agency.")
  @GetMapping("/api/documents/{id}/content")
  @RunsUseCase(DossierDocuments.class)
  ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal MotcuaUser user, @PathVariable long id) {
    DossierDocuments.Download download = documents.download(user, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.contentType()))
        .contentLength(download.sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(download.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(new InputStreamResource(download.content()));
  }
}
