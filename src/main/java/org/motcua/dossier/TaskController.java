package org.motcua.dossier;

import jakarta.validation.Valid;
import org.motcua.dossier.DossierViews.DossierView;
import org.motcua.dossier.DossierViews.PageView;
import org.motcua.dossier.DossierViews.TaskView;
import org.motcua.common.RunsUseCase;
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

  private final OfficerInbox inbox;
  private final DecideTask decide;
  private final DossierMapper mapper;

  TaskController(OfficerInbox inbox, DecideTask decide, DossierMapper mapper) {
    this.inbox = inbox;
    this.decide = decide;
    this.mapper = mapper;
  }

  @GetMapping
  @RunsUseCase(OfficerInbox.class)
  PageView<TaskView> inbox(@AuthenticationPrincipal MotcuaUser officer,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    OfficerInbox.Inbox tasks = inbox.inbox(officer, page, size);
    return new PageView<>(tasks.items().stream()
        .map(item -> mapper.toTask(item, tasks.dossiers().get(item.dossierCode())))
        .toList(), page, size, tasks.total());
  }

  @PostMapping("/{id}/claim")
  @RunsUseCase(OfficerInbox.class)
  TaskView claim(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String id) {
    OfficerInbox.Claimed claimed = inbox.claim(officer, id);
    return mapper.toTask(claimed.task(), claimed.dossier());
  }

  @PostMapping("/{id}/complete")
  @RunsUseCase(DecideTask.class)
  DossierView complete(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String id,
      @Valid @RequestBody DossierRequests.CompleteTask request) {
    Dossier dossier = decide.decide(officer, id, request);
    return mapper.toView(dossier, dossier.openSteps().orElseThrow());
  }
}
