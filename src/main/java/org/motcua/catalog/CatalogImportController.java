package org.motcua.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.motcua.common.Problems;
import org.motcua.common.RunsUseCase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Catalogue import (ADMIN only, see SecurityConfig): send the file, read the preview, commit it. */
@Tag(name = "Catalogue import",
    description = "Nhập danh mục thủ tục: a province's whole catalogue from a CSV or XLSX file, previewed, then "
        + "committed as new versions effective from a date (ADMIN).")
@RestController
@RequestMapping("/api/admin/catalogue-imports")
class CatalogImportController {

  private final CatalogImports imports;
  private final Problems problems;

  CatalogImportController(CatalogImports imports, Problems problems) {
    this.imports = imports;
    this.problems = problems;
  }

  @Operation(operationId = "previewCatalogueImport", summary = "Check a catalogue file and preview what it changes",
      description = "ADMIN only. Multipart part `file`: CSV (UTF-8) or XLSX in the layout of README \"Catalogue "
          + "import\"; the file is the province's whole catalogue. Every line is checked: with any error the answer "
          + "is `422 CATALOGUE_IMPORT_INVALID` listing every error in `errors` (file, line, field, code, message) "
          + "and nothing is stored. Otherwise `201` with the stored preview: procedures new, changed (and what "
          + "changed), withdrawn (in force but not in the file) and how many are unchanged.")
  @ApiResponse(responseCode = "201", description = "Previewed; `Location` is the import's address.")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RunsUseCase(CatalogImports.class)
  ResponseEntity<CatalogImports.ImportView> preview(Principal admin,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw CatalogImportRefusal.CATALOGUE_IMPORT_EMPTY.exception();
    }
    CatalogImports.ImportView view = imports.preview(admin.getName(), file.getOriginalFilename(), file.getBytes(),
        n -> { });
    return ResponseEntity.created(URI.create("/api/admin/catalogue-imports/" + view.id())).body(view);
  }

  @Operation(operationId = "listCatalogueImports", summary = "The latest catalogue imports",
      description = "ADMIN only. The 50 latest imports, newest first, previewed or committed.")
  @GetMapping
  List<CatalogImports.ImportView> list() {
    return imports.recent(50);
  }

  @Operation(operationId = "getCatalogueImport", summary = "Read a catalogue import's preview or outcome",
      description = "ADMIN only. What the file changes (new, changed and how, withdrawn, unchanged count) and, once "
          + "committed, from when, under which decision, by whom.")
  @GetMapping("/{id}")
  @RunsUseCase(CatalogImports.class)
  CatalogImports.ImportView get(@PathVariable long id) {
    return imports.require(id);
  }

  /** What a commit says: from when, and under which publication decision (quyết định công bố). */
  record CommitRequest(LocalDate effectiveFrom, String decision) {
  }

  @Operation(operationId = "commitCatalogueImport", summary = "Commit a previewed catalogue import",
      description = "ADMIN only. From `effectiveFrom` (today or later) the file's new and amended procedures are in "
          + "force, as new versions, and those it left out are withdrawn; dossiers already submitted keep the "
          + "version they were submitted under. Refused when another import was committed since the preview "
          + "(`CATALOGUE_IMPORT_STALE`: preview the file again).")
  @PostMapping("/{id}/commit")
  @RunsUseCase(CatalogImports.class)
  CatalogImports.ImportView commit(Principal admin, @PathVariable long id, @RequestBody CommitRequest request) {
    return imports.commit(admin.getName(), id, request.effectiveFrom(), request.decision());
  }

  @Operation(operationId = "exportCatalogue", summary = "The catalogue in force in the import layout",
      description = "ADMIN only. CSV (UTF-8 with a byte-order mark): download, amend, send back.")
  @GetMapping(value = "/current.csv", produces = "text/csv;charset=UTF-8")
  ResponseEntity<byte[]> current() {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"danh-muc-thu-tuc.csv\"")
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(imports.currentCatalogue());
  }

  /** Every bad line in the problem's {@code errors}. */
  @ExceptionHandler(CatalogImports.InvalidFile.class)
  ResponseEntity<ProblemDetail> invalid(CatalogImports.InvalidFile e) {
    ProblemDetail problem = problems.of(e);
    problem.setProperty("errors", e.errors(problems::message));
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
