package org.motcua.web;

import java.util.List;
import java.util.Optional;
import org.motcua.common.Problems;
import org.motcua.dossier.Attachment;
import org.motcua.dossier.ComponentRefused;
import org.motcua.dossier.DossierDocuments;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** A dossier page's upload form (a citizen's component, a clerk's scan): one file, refused with a message. */
@Component
public class DossierIntake {

  private final DossierDocuments documents;
  private final Problems messages;

  DossierIntake(DossierDocuments documents, Problems messages) {
    this.messages = messages;
    this.documents = documents;
  }

  /**
   * One file from a dossier page's upload form. Returns the message to show next to the form when nothing was chosen
   * or the file was refused; empty when it was stored.
   */
  public Optional<String> attachFromPage(MotcuaUser user, String code, String component, MultipartFile file) {
    if (component == null || component.isBlank() || file == null || file.isEmpty()) {
      return Optional.of(messages.message(component == null || component.isBlank()
          ? "web.upload.chooseComponent" : "web.upload.chooseFile"));
    }
    try {
      documents.attach(user, code, List.of(Attachment.upload(component, file)));
      return Optional.empty();
    } catch (ComponentRefused e) {
      return Optional.of(messages.message("error." + e.code(), e.args()));
    }
  }
}
