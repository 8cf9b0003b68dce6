package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.document.StoredFile;
import org.motcua.document.Uploads;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Đính kèm kết quả giai đoạn: an officer of the agency handling an inter-agency stage attaches what the stage
 * produced (the birth certificate, the residence registration, the tax notice…). It goes with the dossier's files to
 * the next stages and to the receiving one-stop shop, and the stage's leader approves only once it is there.
 */
@Service
public class AttachStageResult implements UseCase {

  private final DossierLookup lookup;
  private final DossierDocumentRepository documents;
  private final Uploads uploads;
  private final Clock clock;

  AttachStageResult(DossierLookup lookup, DossierDocumentRepository documents, Uploads uploads, Clock clock) {
    this.lookup = lookup;
    this.documents = documents;
    this.uploads = uploads;
    this.clock = clock;
  }

  /** Besides the refusals of the file itself (type, size, quota). */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED,
        DossierRefusal.Reason.STAGE_RESULT_NOT_EXPECTED);
  }

  @Transactional
  public DossierDocument attach(MotcuaUser officer, String code, MultipartFile file) {
    Dossier dossier = lookup.locked(code);
    DossierAccess.checkStageHandler(officer, dossier);
    dossier.stageResultRefusal().ifPresent(DossierRefusal::raise);
    StoredFile stored = uploads.accept(file, documents.totalBytes(dossier), officer);
    LocalDateTime now = LocalDateTime.now(clock);
    DossierDocument document = documents.save(new DossierDocument(dossier, DossierDocument.Kind.STAGE,
        String.valueOf(dossier.getStageNumber()), stored, DossierDocument.Source.UPLOAD, null, now,
        officer.username()));
    dossier.stageResultAdded(now, Actor.of(officer), stored.filename());
    lookup.save(dossier);
    return document;
  }
}
