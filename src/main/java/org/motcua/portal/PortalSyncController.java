package org.motcua.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.motcua.common.RunsUseCase;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The national portal's sync, for administrators (ADMIN only, see SecurityConfig). */
@Tag(name = "National portal sync",
    description = "Đồng bộ Cổng Dịch vụ công quốc gia: every status change goes to the portal through the outbox "
        + "(README \"National portal sync\"); administrators can send a period again (ADMIN).")
@RestController
@RequestMapping("/api/admin/portal-sync")
class PortalSyncController {

  private final PortalResend resend;

  PortalSyncController(PortalResend resend) {
    this.resend = resend;
  }

  @Operation(operationId = "resendPortalSync", summary = "Send the status changes of a period to the portal again",
      description = "ADMIN only. Every dossier status change written from `from` 00:00 to `to` 24:00 becomes due "
          + "again with its original idempotency key and sequence number: the portal drops what it already has and "
          + "applies what it lost, in the original order. Answers how many events were queued.")
  @PostMapping("/resend")
  @RunsUseCase(PortalResend.class)
  PortalResend.Resent resend(
      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return resend.resend(from, to);
  }
}
