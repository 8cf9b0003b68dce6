package org.motcua.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import org.motcua.common.RunsUseCase;
import org.motcua.common.Problems;
import org.motcua.security.MotcuaUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** History import (ADMIN only, see SecurityConfig): POST the CSV as the request body, then follow the job. */
@Tag(name = "History import",
    description = "Nhập dữ liệu lịch sử: loading dossiers handled before motcua, for the indicators (ADMIN).")
@RestController
@RequestMapping("/api/admin/imports")
class ImportController {

  private static final int SHOWN_ERRORS = 200;

  private final HistoryImports imports;
  private final ImportJobs jobs;
  private final Problems problems;

  ImportController(HistoryImports imports, ImportJobs jobs, Problems problems) {
    this.imports = imports;
    this.jobs = jobs;
    this.problems = problems;
  }

  /**
   * The body is read as a stream (any content type: {@code text/csv} is usual), never held in memory, and at most
   * {@code motcua.imports.max-bytes} of it (413 {@code IMPORT_TOO_LARGE} beyond, nothing stored).
   */
  @Operation(operationId = "startImport", summary = "Import the history of past dossiers",
      description = "ADMIN only. The body is a CSV file (any content type: `text/csv` is usual), read as a stream "
          + "and never held in memory, up to `motcua.imports.max-bytes`. Answers `202` with the job and its "
          + "address; with `skipInvalid=true` the valid lines are imported and the others listed, otherwise "
          + "one invalid line stops it.")
  @ApiResponse(responseCode = "202", description = "Started; `Location` is the job's address.")
  @PostMapping
  @RunsUseCase(HistoryImports.class)
  ResponseEntity<ImportView> start(@AuthenticationPrincipal MotcuaUser admin, HttpServletRequest request,
      @RequestParam(defaultValue = "false") boolean skipInvalid) throws IOException {
    String id = imports.start(admin, request.getInputStream(), request.getContentLengthLong(), skipInvalid);
    return ResponseEntity.accepted().location(URI.create("/api/admin/imports/" + id)).body(view(id));
  }

  @Operation(operationId = "getImport", summary = "Follow a history import",
      description = "ADMIN only. The job's progress and outcome: lines read, imported, already present and rejected, "
          + "and the first rejected lines with why (line 1 is the header).")
  @GetMapping("/{id}")
  @RunsUseCase(ImportJobs.class)
  ImportView job(@PathVariable String id) {
    return view(id);
  }

  private ImportView view(String id) {
    ImportJobs.Job job = jobs.require(id);
    List<LineError> errors = jobs.errorsOf(id, SHOWN_ERRORS).stream()
        .map(e -> new LineError(e.line(), e.reason(), problems.message("import." + e.reason(), e.detail())))
        .toList();
    return new ImportView(job.id(), job.state().name(), job.skipInvalid(), job.startedBy(), job.startedAt(),
        job.finishedAt(), job.rowsRead(), job.rowsImported(), job.rowsAlreadyPresent(), job.rowsRejected(),
        job.failure(), errors);
  }

  /** Progress and outcome; {@code errors} lists the first rejected lines (line 1 is the header). */
  record ImportView(String id, String state, boolean skipInvalid, String startedBy, LocalDateTime startedAt,
      LocalDateTime finishedAt, long rowsRead, long rowsImported, long rowsAlreadyPresent, long rowsRejected,
      String failure, List<LineError> errors) {
  }

  record LineError(long line, String reason, String message) {
  }
}
