package org.motcua.dossier;

import org.motcua.common.RunsUseCase;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.motcua.dossier.DossierViews.DocumentView;
import org.motcua.dossier.DossierViews.ReuseOfferView;
import org.motcua.security.MotcuaUser;
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
@RestController
class DocumentController {

  private final DossierDocuments documents;
  private final DossierMapper mapper;

  DocumentController(DossierDocuments documents, DossierMapper mapper) {
    this.documents = documents;
    this.mapper = mapper;
  }

  @PostMapping(path = "/api/dossiers/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)

  @RunsUseCase(DossierDocuments.class)
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView upload(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code,
      @RequestParam String component, @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String issuingAgency,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {
    return mapper.toView(documents.upload(user, code, component, file, issuingAgency, issuedOn, validUntil));
  }

  @PostMapping("/api/dossiers/{code}/documents/reuse")

  @RunsUseCase(DossierDocuments.class)
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView reuse(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code,
      @Valid @RequestBody DossierRequests.ReuseDocument request) {
    return mapper.toView(documents.reuse(user, code, request));
  }

  @GetMapping("/api/dossiers/{code}/documents")

  @RunsUseCase(DossierDocuments.class)
  List<DocumentView> list(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return mapper.toDocumentViews(documents.list(user, code));
  }

  /** What the applicant's e-data warehouse can supply for the components still missing. */
  @GetMapping("/api/dossiers/{code}/reuse-offers")
  @RunsUseCase(DossierDocuments.class)
  List<ReuseOfferView> offers(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return documents.reuseOffers(user, code).entrySet().stream()
        .map(e -> new ReuseOfferView(e.getKey(), mapper.toItemViews(e.getValue())))
        .toList();
  }

  @PostMapping(path = "/api/dossiers/{code}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)

  @RunsUseCase(DossierDocuments.class)
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView result(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code,
      @RequestParam("file") MultipartFile file) {
    return mapper.toView(documents.uploadResult(officer, code, file));
  }

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
