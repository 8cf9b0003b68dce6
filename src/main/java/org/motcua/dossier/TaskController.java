package org.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.motcua.common.RunsUseCase;
import org.motcua.dossier.DossierViews.DossierView;
import org.motcua.dossier.DossierViews.PageView;
import org.motcua.dossier.DossierViews.TaskView;
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
@Tag(name = "Tasks", description = "Hộp công việc: the officers' inbox, claiming a task and deciding it.")
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

  @Operation(operationId = "listTasks", summary = "The officer's inbox (hộp công việc)",
      description = "The open tasks of the caller's agency and role (clerk, specialist or leader), most urgent "
          + "first, paged (`page`, `size`).")
  @GetMapping
  @RunsUseCase(OfficerInbox.class)
  PageView<TaskView> inbox(@AuthenticationPrincipal MotcuaUser officer,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    OfficerInbox.Inbox tasks = inbox.inbox(officer, page, size);
    return new PageView<>(tasks.items().stream()
        .map(item -> mapper.toTask(item, tasks.dossiers().get(item.dossierCode()), tasks.warned(item)))
        .toList(), page, size, tasks.total());
  }

  @Operation(operationId = "claimTask", summary = "Claim a task",
      description = "Takes a task of the inbox, so that colleagues see who handles it.")
  @PostMapping("/{id}/claim")
  @RunsUseCase(OfficerInbox.class)
  TaskView claim(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String id) {
    OfficerInbox.Claimed claimed = inbox.claim(officer, id);
    return mapper.toTask(claimed.task(), claimed.dossier(), claimed.warned());
  }

  @Operation(operationId = "completeTask", summary = "Decide a task",
      description = "Completes a task with one of the decisions it offers (e.g. `accept`, `forward`, `approve`, "
          + "`return`) and an optional note; the dossier moves on in its process. A second click on a task "
          + "already decided is refused.")
  @PostMapping("/{id}/complete")
  @RunsUseCase(DecideTask.class)
  DossierView complete(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String id,
      @Valid @RequestBody DossierRequests.CompleteTask request) {
    Dossier dossier = decide.decide(officer, id, request);
    return mapper.toView(dossier, dossier.openSteps().orElseThrow());
  }
}
