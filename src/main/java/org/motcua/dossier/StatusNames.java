package org.motcua.dossier;

import org.motcua.common.Problems;
import org.springframework.stereotype.Component;

/** The status name in the reader's language (Mới đăng ký, Đang xử lý, …). */
@Component
class StatusNames {

  private final Problems messages;

  StatusNames(Problems messages) {
    this.messages = messages;
  }

  String nameOf(DossierStatus status) {
    return messages.message("dossier.status." + status.code());
  }
}
