package org.motcua.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.motcua.common.RunsUseCase;
import org.motcua.security.MotcuaUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Phản ánh, kiến nghị: citizens write feedback, the responsible agency answers in time, supervisors watch. */
@Tag(name = "Feedback",
    description = "Phản ánh, kiến nghị: a citizen's feedback about their dossier or a procedure; the agency rejects "
        + "it, asks for more information or answers it within working-time limits (2 / 5 / 15 working days by "
        + "default); supervisors see the overdue ones.")
@RestController
class FeedbackController {

  private final WriteFeedback writing;
  private final HandleFeedback handling;
  private final ReplyToFeedback replies;
  private final FollowFeedback following;

  FeedbackController(WriteFeedback writing, HandleFeedback handling, ReplyToFeedback replies,
      FollowFeedback following) {
    this.writing = writing;
    this.handling = handling;
    this.replies = replies;
    this.following = following;
  }

  /** A text the agency or the citizen adds. */
  record Text(String text) {
  }

  /** LIKE or DISLIKE. */
  record Reaction(String reaction) {
  }

  @Operation(operationId = "writeFeedback", summary = "Write feedback (gửi phản ánh, kiến nghị)",
      description = "A signed-in citizen writes about one of their own dossiers (`dossierCode`: its receiving agency "
          + "answers) or about a procedure (`procedureCode`, and `agencyCode` among the agencies receiving it when "
          + "there are several). The deadlines to reject, ask for information and answer are counted from now in "
          + "working days on the office calendar.",
      responses = @ApiResponse(responseCode = "201", description = "Written; `Location` is its address."))
  @PostMapping("/api/feedback")
  @RunsUseCase(WriteFeedback.class)
  ResponseEntity<FeedbackView> write(@AuthenticationPrincipal MotcuaUser citizen,
      @RequestBody WriteFeedback.Request request) {
    FeedbackView view = writing.write(citizen, request);
    return ResponseEntity.created(URI.create("/api/feedback/" + view.id())).body(view);
  }

  @Operation(operationId = "listFeedback", summary = "List feedback (danh sách phản ánh, kiến nghị)",
      description = "Newest first, in pages of at most 100: a citizen's own, an officer's agency's, a supervisor's "
          + "agency subtree's, all for an administrator.")
  @GetMapping("/api/feedback")
  @RunsUseCase(FollowFeedback.class)
  FollowFeedback.FeedbackPage list(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return following.list(user, page, size);
  }

  @Operation(operationId = "listOverdueFeedback", summary = "Overdue feedback (phản ánh, kiến nghị quá hạn)",
      description = "For supervisors (their agency's subtree, or `agency` below it) and administrators: feedback "
          + "still open past its answer deadline, or rejected, asked about or answered after its deadline; with "
          + "their count (`total`).")
  @GetMapping("/api/feedback/overdue")
  @RunsUseCase(FollowFeedback.class)
  FollowFeedback.FeedbackPage overdue(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return following.overdue(user, agency, page, size);
  }

  @Operation(operationId = "readFeedback", summary = "Read a feedback (xem phản ánh, kiến nghị)",
      description = "The feedback, its deadlines and its history (who did what, when). For its citizen, the "
          + "responsible agency's officers, supervisors above it and administrators.")
  @GetMapping("/api/feedback/{id}")
  @RunsUseCase(FollowFeedback.class)
  FeedbackView read(@AuthenticationPrincipal MotcuaUser user, @PathVariable long id) {
    return following.read(user, id);
  }

  @Operation(operationId = "rejectFeedback", summary = "Reject a feedback (từ chối tiếp nhận)",
      description = "An officer of the responsible agency rejects the feedback with a reason (`text`); due within "
          + "2 working days of its submission by default, late after.")
  @PostMapping("/api/feedback/{id}/rejection")
  @RunsUseCase(HandleFeedback.class)
  FeedbackView reject(@AuthenticationPrincipal MotcuaUser officer, @PathVariable long id, @RequestBody Text body) {
    return handling.reject(officer, id, body.text());
  }

  @Operation(operationId = "requestFeedbackInformation", summary = "Ask for more information (yêu cầu bổ sung)",
      description = "An officer of the responsible agency asks the citizen for more information (`text`); due "
          + "within 5 working days of its submission by default, late after.")
  @PostMapping("/api/feedback/{id}/information-request")
  @RunsUseCase(HandleFeedback.class)
  FeedbackView requestInformation(@AuthenticationPrincipal MotcuaUser officer, @PathVariable long id,
      @RequestBody Text body) {
    return handling.requestInformation(officer, id, body.text());
  }

  @Operation(operationId = "answerFeedback", summary = "Answer a feedback (trả lời, xử lý)",
      description = "An officer of the responsible agency answers (`text`); due within 15 working days of its "
          + "submission by default, late after.")
  @PostMapping("/api/feedback/{id}/answer")
  @RunsUseCase(HandleFeedback.class)
  FeedbackView answer(@AuthenticationPrincipal MotcuaUser officer, @PathVariable long id, @RequestBody Text body) {
    return handling.answer(officer, id, body.text());
  }

  @Operation(operationId = "provideFeedbackInformation", summary = "Add information (bổ sung thông tin)",
      description = "The citizen who wrote the feedback adds the information the agency asked for (`text`); it "
          + "goes back to the agency.")
  @PostMapping("/api/feedback/{id}/information")
  @RunsUseCase(ReplyToFeedback.class)
  FeedbackView provideInformation(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable long id,
      @RequestBody Text body) {
    return replies.provideInformation(citizen, id, body.text());
  }

  @Operation(operationId = "reactToFeedbackAnswer", summary = "Like or dislike the answer (thích / không thích)",
      description = "The citizen who wrote the feedback says, once, whether the answer satisfied them: "
          + "`reaction` LIKE or DISLIKE.")
  @PostMapping("/api/feedback/{id}/reaction")
  @RunsUseCase(ReplyToFeedback.class)
  FeedbackView react(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable long id,
      @RequestBody Reaction body) {
    return replies.react(citizen, id, body.reaction());
  }
}
