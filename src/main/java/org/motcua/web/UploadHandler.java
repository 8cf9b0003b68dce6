package org.motcua.web;

import java.util.List;
import java.util.function.Supplier;
import org.motcua.common.Problems;
import org.motcua.security.MotcuaUser;
import org.motcua.dossier.Attachment;
import org.motcua.dossier.ComponentRefused;
import org.motcua.dossier.DossierDocuments;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "add a file" form of a dossier page (a citizen's component, a clerk's scan): the file is stored and the reader
 * goes back to the dossier with a notice, or the page is shown again with why not ({@code uploadError}, next to the
 * form): nothing chosen, or the file refused (type, size, name, the dossier's state).
 */
@Component
public class UploadHandler {

  private final DossierDocuments documents;
  private final FormRefusals refusals;
  private final Problems messages;

  UploadHandler(DossierDocuments documents, FormRefusals refusals, Problems messages) {
    this.documents = documents;
    this.refusals = refusals;
    this.messages = messages;
  }

  /**
   * @param dossierAddress the dossier page to go back to, e.g. {@code /citizen/dossiers/<code>}
   * @param pageAgain the dossier page shown again, with the model's error
   */
  public String upload(MotcuaUser user, String code, String component, MultipartFile file, Model model,
      RedirectAttributes redirect, String dossierAddress, Supplier<String> pageAgain) {
    String error = null;
    if (component == null || component.isBlank()) {
      error = messages.message("web.upload.chooseComponent");
    } else if (file == null || file.isEmpty()) {
      error = messages.message("web.upload.chooseFile");
    } else {
      try {
        documents.attach(user, code, List.of(Attachment.upload(component, file)));
      } catch (ComponentRefused e) {
        error = refusals.message(e);
      }
    }
    if (error != null) {
      model.addAttribute("uploadError", error);
      return pageAgain.get();
    }
    redirect.addFlashAttribute("notice", "web.upload.done");
    return "redirect:" + dossierAddress;
  }
}
