package org.motcua.dossier;

import jakarta.validation.Valid;
import org.motcua.dossier.DossierViews.DossierView;
import org.motcua.dossier.DossierViews.PageView;
import org.motcua.dossier.DossierViews.TaskView;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The officer's inbox (hộp công việc): tasks of their agency and role, most urgent first. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final DossierService service;
  private final DossierMapper mapper;

  TaskController(DossierService service, DossierMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  @GetMapping
  PageView<TaskView> inbox(@AuthenticationPrincipal MotcuaUser officer,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    DossierService.Inbox inbox = service.inbox(officer, page, size);
    return new PageView<>(inbox.items().stream()
        .map(item -> mapper.toTask(item, inbox.dossiers().get(item.dossierCode())))
        .toList(), page, size, inbox.total());
  }

  @PostMapping("/{id}/claim")
  TaskView claim(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String id) {
    WorkItem task = service.claim(officer, id);
    return mapper.toTask(task, service.find(task.dossierCode()));
  }

  @PostMapping("/{id}/complete")
  DossierView complete(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String id,
      @Valid @RequestBody DossierRequests.CompleteTask request) {
    Dossier dossier = service.complete(officer, id, request);
    return mapper.toView(dossier, dossier.openSteps().orElseThrow());
  }
}
