package org.motcua.dossier;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.common.ApiException;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.document.StoredFile;
import org.motcua.document.Uploads;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.motcua.warehouse.Warehouse;
import org.motcua.warehouse.WarehouseItem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of a dossier: components uploaded by the applicant, scanned by the clerk (số hóa) or reused from the
 * applicant's e-data warehouse, and the e-result. Keeps the dossier's digitization figures true to its files.
 */
@Service
public class DossierDocuments implements UseCase {

  /** No such file, or one of a dossier the caller may not see. Args: id. */
  static final Refusal UNKNOWN_DOCUMENT = Refusal.of("UNKNOWN_DOCUMENT", HttpStatus.NOT_FOUND);
  /** The procedure has no component with this code. Args: component, procedure. */
  static final Refusal UNKNOWN_COMPONENT = Refusal.of("UNKNOWN_COMPONENT", HttpStatus.BAD_REQUEST, "component");

  /** Besides the refusals of the file itself (type, size, quota) and of the warehouse item (see those features). */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED, UNKNOWN_DOCUMENT,
        UNKNOWN_COMPONENT, DossierRefusal.Reason.DOCUMENTS_CLOSED, DossierRefusal.Reason.RESULT_NOT_EXPECTED);
  }

  private final DossierLookup lookup;
  private final DossierDocumentRepository documents;
  private final Uploads uploads;
  private final Warehouse warehouse;
  private final Catalog catalog;
  private final Clock clock;

  DossierDocuments(DossierLookup lookup, DossierDocumentRepository documents, Uploads uploads, Warehouse warehouse,
      Catalog catalog, Clock clock) {
    this.lookup = lookup;
    this.documents = documents;
    this.uploads = uploads;
    this.warehouse = warehouse;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Attaches a file to a component: the applicant's upload, or the clerk's scan of the paper. */
  @Transactional
  public DossierDocument upload(MotcuaUser user, String code, String componentCode, MultipartFile file,
      String issuingAgency, LocalDate issuedOn, LocalDate validUntil) {
    Dossier dossier = dossierToAddTo(user, code);
    Procedure.Component component = component(dossier, componentCode);
    StoredFile stored = uploads.accept(file, documents.totalBytes(dossier), user);
    DossierDocument document = stored(user, dossier, component, stored).issued(issuingAgency, issuedOn, validUntil);
    refresh(dossier, user, describe(component, document));
    return document;
  }

  /**
   * The component files sent with a new dossier (online, or scanned at the counter), each an upload or a warehouse
   * item. The dossier was created in this transaction: nobody else can see it yet (no lock to take) and it has no
   * files before these, so its figures are counted from them without reading its documents back. One history line
   * per file, as for separate uploads. A refused file names its component ({@link ComponentRefused}).
   */
  void attachToNew(MotcuaUser user, Dossier dossier, List<Attachment> files) {
    List<DossierDocument> attached = new ArrayList<>();
    long storedBytes = 0;
    for (Attachment file : files) {
      try {
        Procedure.Component component = component(dossier, file.component());
        DossierDocument document = file.reusesWarehouseItem()
            ? reused(user, dossier, component, file.warehouseItemId())
            : stored(user, dossier, component, uploads.accept(file.file(), storedBytes, user));
        storedBytes += document.getSizeBytes();
        attached.add(document);
        refresh(dossier, user, describe(component, document), attached);
      } catch (ComponentRefused refused) {
        throw refused;
      } catch (ApiException refused) {
        throw new ComponentRefused(file.component(), refused);
      }
    }
  }

  /** Files added to an existing dossier (a supplement, a page's upload form), each refusal naming its component. */
  @Transactional
  public void attach(MotcuaUser user, String code, List<Attachment> files) {
    for (Attachment file : files) {
      try {
        if (file.reusesWarehouseItem()) {
          reuse(user, code, new DossierRequests.ReuseDocument(file.component(), file.warehouseItemId()));
        } else {
          upload(user, code, file.component(), file.file(), null, null, null);
        }
      } catch (ApiException refused) {
        throw new ComponentRefused(file.component(), refused);
      }
    }
  }

  /** Links a still-valid document of the applicant's warehouse instead of asking for it again. */
  @Transactional
  public DossierDocument reuse(MotcuaUser user, String code, DossierRequests.ReuseDocument request) {
    Dossier dossier = dossierToAddTo(user, code);
    Procedure.Component component = component(dossier, request.component());
    DossierDocument document = reused(user, dossier, component, request.warehouseItemId());
    refresh(dossier, user, describe(component, document));
    return document;
  }

  private DossierDocument stored(MotcuaUser user, Dossier dossier, Procedure.Component component, StoredFile file) {
    DossierDocument.Source source = user.is(Role.CITIZEN) ? DossierDocument.Source.UPLOAD : DossierDocument.Source.SCAN;
    return documents.save(new DossierDocument(dossier, DossierDocument.Kind.COMPONENT, component.code(), file, source,
        null, LocalDateTime.now(clock), user.username()));
  }

  private DossierDocument reused(MotcuaUser user, Dossier dossier, Procedure.Component component, long itemId) {
    // Only the warehouse the dossier is bound to (the account holder's own), whatever identity number the request named.
    WarehouseItem item = warehouse.forReuse(itemId, dossier.reusesFromWarehouseOf().orElse(null), component.code());
    return documents.save(new DossierDocument(dossier, DossierDocument.Kind.COMPONENT, component.code(), item.file(),
        DossierDocument.Source.WAREHOUSE, item.getId(), LocalDateTime.now(clock), user.username())
        .issued(item.getIssuingAgency(), item.getIssuedOn(), item.getValidUntil()));
  }

  private static String describe(Procedure.Component component, DossierDocument document) {
    return component.name() + (document.getSource() == DossierDocument.Source.WAREHOUSE
        ? ": tái sử dụng từ kho dữ liệu (" + document.getFilename() + ")" : ": " + document.getFilename());
  }

  /** Số hóa kết quả: the signed result as an e-result, which also goes into the applicant's own warehouse. */
  @Transactional
  public DossierDocument uploadResult(MotcuaUser officer, String code, MultipartFile file) {
    Dossier dossier = lookup.locked(code);
    DossierAccess.checkHandler(officer, dossier);
    dossier.resultUploadRefusal().ifPresent(DossierRefusal::raise);
    StoredFile stored = uploads.accept(file, documents.totalBytes(dossier), officer);
    LocalDateTime now = LocalDateTime.now(clock);
    DossierDocument document = documents.save(new DossierDocument(dossier, DossierDocument.Kind.RESULT, null, stored,
        DossierDocument.Source.SCAN, null, now, officer.username()));
    dossier.resultDigitized(now, Actor.of(officer), stored.filename());
    lookup.save(dossier);
    String agencyName = catalog.agency(dossier.getAgencyCode()).map(a -> a.name()).orElse(dossier.getAgencyCode());
    dossier.depositsIntoWarehouseOf().ifPresent(owner -> warehouse.deposit(owner, "KQ:" + dossier.getProcedureCode(),
        "Kết quả: " + dossier.getProcedureName(), agencyName, now.toLocalDate(), null, dossier.getCode(), stored));
    return document;
  }

  /**
   * At reception, the verified components go into the warehouse for later dossiers: the account holder's, when the
   * account holder is the applicant (see {@link Dossier#depositsIntoWarehouseOf()}).
   */
  void depositComponents(Dossier dossier) {
    String owner = dossier.depositsIntoWarehouseOf().orElse(null);
    if (owner == null) {
      return;
    }
    Map<String, String> names = components(dossier).stream()
        .collect(Collectors.toMap(Procedure.Component::code, Procedure.Component::name));
    for (DossierDocument d : documents.findByDossierOrderByIdAsc(dossier)) {
      // A declaration rendered from an e-form belongs to its dossier: nothing another dossier would reuse.
      if (d.getKind() == DossierDocument.Kind.COMPONENT && d.getSource() != DossierDocument.Source.WAREHOUSE
          && d.getSource() != DossierDocument.Source.FORM) {
        warehouse.deposit(owner, d.getComponentCode(),
            names.getOrDefault(d.getComponentCode(), d.getComponentCode()), d.getIssuingAgency(),
            d.getIssuedOn() == null ? d.getUploadedAt().toLocalDate() : d.getIssuedOn(), d.getValidUntil(),
            dossier.getCode(), d.file());
      }
    }
  }

  @Transactional(readOnly = true)
  public List<DossierDocument> list(MotcuaUser user, String code) {
    Dossier dossier = lookup.find(code);
    DossierAccess.checkRead(user, dossier);
    return documents.findByDossierOrderByIdAsc(dossier);
  }

  /** For each component still missing, the applicant's warehouse documents that could stand in for it. */
  @Transactional(readOnly = true)
  public Map<String, List<WarehouseItem>> reuseOffers(MotcuaUser user, String code) {
    Dossier dossier = lookup.find(code);
    DossierAccess.checkApplicantOrHandler(user, dossier);
    Map<String, List<WarehouseItem>> offers = new LinkedHashMap<>();
    String owner = dossier.reusesFromWarehouseOf().orElse(null);
    for (String component : missing(dossier)) {
      offers.put(component, owner == null ? List.of() : warehouse.reusable(owner, component));
    }
    return offers;
  }

  /**
   * Downloads: only for the applicant and the officers handling the dossier. A file of a dossier the caller may not
   * see is answered as a file that does not exist, so document ids cannot be probed.
   */
  @Transactional(readOnly = true)
  public Download download(MotcuaUser user, long documentId) {
    DossierDocument document = documents.findById(documentId)
        .filter(d -> DossierAccess.canRead(user, d.getDossier()))
        .orElseThrow(() -> UNKNOWN_DOCUMENT.exception(documentId));
    DossierAccess.checkFileReader(user, document.getDossier());
    return new Download(document.getFilename(), document.getContentType(), document.getSizeBytes(),
        uploads.open(document.file().storageKey()));
  }

  public record Download(String filename, String contentType, long sizeBytes, InputStream content) {
  }

  /** Required components that have no file yet. */
  List<String> missing(Dossier dossier) {
    Set<String> supplied = documents.findByDossierOrderByIdAsc(dossier).stream()
        .filter(d -> d.getKind() == DossierDocument.Kind.COMPONENT)
        .map(DossierDocument::getComponentCode)
        .collect(Collectors.toSet());
    return components(dossier).stream().filter(Procedure.Component::required).map(Procedure.Component::code)
        .filter(c -> !supplied.contains(c)).toList();
  }

  /** How many of these required components the dossier's files supply (a case change recounts them). */
  int supplied(Dossier dossier, List<Procedure.Component> components) {
    Set<String> files = documents.findByDossierOrderByIdAsc(dossier).stream()
        .filter(d -> d.getKind() == DossierDocument.Kind.COMPONENT).map(DossierDocument::getComponentCode)
        .collect(Collectors.toSet());
    return (int) components.stream().filter(Procedure.Component::required).filter(c -> files.contains(c.code())).count();
  }

  void refresh(Dossier dossier, MotcuaUser user, String what) {
    refresh(dossier, user, what, documents.findByDossierOrderByIdAsc(dossier));
  }

  /** Recounts the dossier's supplied and reused components from its files, with a history line saying what came. */
  private void refresh(Dossier dossier, MotcuaUser user, String what, List<DossierDocument> files) {
    Set<String> required = components(dossier).stream().filter(Procedure.Component::required)
        .map(Procedure.Component::code).collect(Collectors.toSet());
    Set<String> supplied = files.stream().filter(d -> d.getKind() == DossierDocument.Kind.COMPONENT)
        .map(DossierDocument::getComponentCode).filter(required::contains).collect(Collectors.toSet());
    Set<String> reused = files.stream().filter(d -> d.getSource() == DossierDocument.Source.WAREHOUSE)
        .map(DossierDocument::getComponentCode).collect(Collectors.toSet());
    dossier.documentsChanged(LocalDateTime.now(clock), Actor.of(user), what, supplied.size(), reused.size());
    lookup.save(dossier);
  }

  private Dossier dossierToAddTo(MotcuaUser user, String code) {
    // Locked: a browser sends a dossier's files in parallel, and each one changes the dossier's figures and history.
    Dossier dossier = lookup.locked(code);
    DossierAccess.checkOwnerOrClerk(user, dossier);
    dossier.fileRefusal(DossierAccess.isOwner(user, dossier)).ifPresent(DossierRefusal::raise);
    return dossier;
  }

  private Procedure.Component component(Dossier dossier, String componentCode) {
    return components(dossier).stream().filter(c -> c.code().equals(componentCode)).findFirst()
        .orElseThrow(() -> UNKNOWN_COMPONENT.exception(componentCode, dossier.getProcedureCode()));
  }

  /** The components the dossier was submitted with; its catalogue version only for dossiers older than snapshots. */
  private List<Procedure.Component> components(Dossier dossier) {
    return dossier.getComponents().or(() -> catalog.caseOf(dossier.getProcedureCode(),
        dossier.getProcedureValidFrom(), dossier.getCaseCode()).map(Procedure.Case::components)).orElse(List.of());
  }

}
