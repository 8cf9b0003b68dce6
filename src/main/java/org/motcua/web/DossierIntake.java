package org.motcua.web;

import java.util.List;
import org.motcua.common.ApiException;
import org.motcua.dossier.CounterIntake;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierDocuments;
import org.motcua.dossier.DossierRequests;
import org.motcua.dossier.DossierService;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a page form sends in one go: the dossier and its component files (uploaded, scanned or reused from the
 * personal e-data warehouse), or a supplement answer with its file. One transaction: if any file is refused, nothing
 * is stored (no dossier, no row, no file), and the refusal names the component so the page can show it there.
 */
@Component
public class DossierIntake {

  private final DossierService dossiers;
  private final CounterIntake counter;
  private final DossierDocuments documents;
  DossierIntake(DossierService dossiers, CounterIntake counter, DossierDocuments documents) {
    this.dossiers = dossiers;
    this.counter = counter;
    this.documents = documents;
  }

  /** A component's file: a new upload or scan, or the id of a warehouse item to reuse. */
  public record Attachment(String component, MultipartFile file, Long warehouseItemId) {

    public static Attachment of(String component, MultipartFile file, String warehouseItemId) {
      Long reuse = null;
      if (warehouseItemId != null && !warehouseItemId.isBlank()) {
        try {
          reuse = Long.valueOf(warehouseItemId.trim());
        } catch (NumberFormatException notAnId) {
          throw ApiException.notFound("UNKNOWN_WAREHOUSE_ITEM", warehouseItemId);
        }
      }
      MultipartFile upload = file == null || file.isEmpty() ? null : file;
      return upload == null && reuse == null ? null : new Attachment(component, upload, reuse);
    }
  }

  /** A component's file was refused (wrong type, too large, warehouse item not usable…). */
  public static class ComponentRefused extends RuntimeException {

    private final String component;
    private final ApiException refusal;

    ComponentRefused(String component, ApiException refusal) {
      super(refusal.getMessage(), refusal);
      this.component = component;
      this.refusal = refusal;
    }

    public String component() {
      return component;
    }

    public ApiException refusal() {
      return refusal;
    }
  }

  @Transactional
  public Dossier submitOnline(MotcuaUser citizen, DossierRequests.SubmitDossier request, List<Attachment> files) {
    Dossier dossier = dossiers.submitOnline(citizen, request);
    attach(citizen, dossier.getCode(), files);
    return dossier;
  }

  /** A counter intake, with the fee due at submission when the clerk takes it in the same step. */
  @Transactional
  public Dossier enterAtCounter(MotcuaUser clerk, DossierRequests.EnterDossier request, List<Attachment> files) {
    Dossier dossier = counter.enter(clerk, request);
    attach(clerk, dossier.getCode(), files);
    return dossier;
  }

  /** Nộp bổ sung: the missing file (if any) and the answer, together. */
  @Transactional
  public Dossier supplement(MotcuaUser user, String code, String note, Attachment file) {
    if (file != null) {
      attach(user, code, List.of(file));
    }
    return dossiers.provideSupplement(user, code, note);
  }

  @Transactional
  public void attach(MotcuaUser user, String code, List<Attachment> files) {
    for (Attachment a : files) {
      try {
        if (a.warehouseItemId() != null) {
          documents.reuse(user, code, new DossierRequests.ReuseDocument(a.component(), a.warehouseItemId()));
        } else {
          documents.upload(user, code, a.component(), a.file(), null, null, null);
        }
      } catch (ApiException refused) {
        throw new ComponentRefused(a.component(), refused);
      }
    }
  }
}
