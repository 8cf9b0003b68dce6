package org.motcua.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.motcua.catalog.CatalogImports;
import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's catalogue import (ADMIN only, see SecurityConfig): upload, every error of a bad file, the
 * preview of what the file changes, and the commit form. The check runs while the upload request waits (2,000 rows
 * take well under a second); the page then says how many rows were read and checked, and how long it took.
 */
@Controller
class CatalogueImportPages {

  private static final int HISTORY = 20;

  private final CatalogImports imports;
  private final Problems problems;
  private final Clock clock;

  CatalogueImportPages(CatalogImports imports, Problems problems, Clock clock) {
    this.imports = imports;
    this.problems = problems;
    this.clock = clock;
  }

  @GetMapping("/admin/catalogue-imports")
  String upload(Model model) {
    model.addAttribute("history", imports.recent(HISTORY));
    return "admin/catalogue-imports";
  }

  @PostMapping("/admin/catalogue-imports")
  String preview(Principal admin, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
      RedirectAttributes redirect, HttpServletResponse response) throws IOException {
    AtomicInteger checked = new AtomicInteger();
    long started = System.nanoTime();
    try {
      if (file == null || file.isEmpty()) {
        throw org.motcua.catalog.CatalogImportRefusal.CATALOGUE_IMPORT_EMPTY.exception();
      }
      CatalogImports.ImportView view = imports.preview(admin.getName(), file.getOriginalFilename(), file.getBytes(),
          checked::set);
      redirect.addFlashAttribute("progress", new long[] {view.rowsRead(), checked.get(),
          (System.nanoTime() - started) / 1_000_000});
      return "redirect:/admin/catalogue-imports/" + view.id();
    } catch (CatalogImports.InvalidFile e) {
      response.setStatus(e.status().value());
      model.addAttribute("errors", e.errors(problems::message));
    } catch (ApiException e) {
      response.setStatus(e.status().value());
      model.addAttribute("failure", problems.message("error." + e.code(), e.args()));
    }
    return upload(model);
  }

  @GetMapping("/admin/catalogue-imports/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("i", imports.require(id));
    model.addAttribute("today", LocalDate.now(clock));
    return "admin/catalogue-import";
  }

  @PostMapping("/admin/catalogue-imports/{id}/commit")
  String commit(Principal admin, @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam(required = false) String decision, Model model, HttpServletResponse response) {
    try {
      imports.commit(admin.getName(), id, effectiveFrom, decision);
      return "redirect:/admin/catalogue-imports/" + id;
    } catch (ApiException e) {
      response.setStatus(e.status().value());
      model.addAttribute("failure", problems.message("error." + e.code(), e.args()));
      model.addAttribute("decision", decision);
      return show(id, model);
    }
  }
}
