package org.motcua.portal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierAction;
import org.motcua.dossier.DossierDocument;
import org.motcua.dossier.DossierEvent;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.DossierRecords;
import org.motcua.outbox.EventDetails;
import org.motcua.payment.Charge;
import org.motcua.payment.Payments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Maps a dossier, at one of its changes, to the national portal's field set ({@link PortalDossier}). The scalar
 * fields come from the change's own facts (so each event says what was true at that change); the lists (files,
 * fees, supplement requests, processing steps) from the dossier as it stands in the same transaction.
 */
@Component
public class PortalMapping implements EventDetails {

  /** How DVCQG writes an instant: local time, seconds, no separators. */
  static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private final DossierRecords records;
  private final Catalog catalog;
  private final Payments payments;
  private final MessageSource messages;

  PortalMapping(DossierRecords records, Catalog catalog, Payments payments, MessageSource messages) {
    this.records = records;
    this.catalog = catalog;
    this.payments = payments;
    this.messages = messages;
  }

  /** Under {@code dvcqg} in every status-change event the outbox sends. */
  @Override
  public String name() {
    return "dvcqg";
  }

  /** Null (no {@code dvcqg}) for facts of no stored dossier, as a test's synthetic change. */
  @Override
  public PortalDossier describe(DossierFacts after) {
    return records.find(after.code()).map(dossier -> map(dossier, after)).orElse(null);
  }

  /** The portal's record of the dossier as of {@code facts}, a change of it in this transaction. */
  private PortalDossier map(Dossier dossier, DossierFacts facts) {
    List<DossierDocument> files = records.documents(dossier);
    return new PortalDossier(
        facts.code(),
        nationalCode(dossier),
        facts.procedureCode(),
        dossier.getProcedureName(),
        dossier.getCaseCode(),
        facts.field(),
        facts.agencyCode(),
        facts.channel(),
        dossier.getApplicant() == null ? null : dossier.getApplicant().getName(),
        dossier.getApplicant() == null ? null : dossier.getApplicant().getIdNumber(),
        instant(facts.submittedAt()),
        instant(facts.receivedAt()),
        instant(facts.dueAt()),
        instant(dossier.getAppointmentAt()),
        facts.status(),
        instant(facts.endedAt()),
        instant(facts.returnedAt()),
        flag(facts.componentsDigitized()),
        flag(facts.componentsReused() > 0),
        flag(facts.resultDigitized()),
        vneid(facts),
        flag(facts.paidOnline()),
        facts.supplementCount(),
        files.stream().filter(f -> f.getKind() == DossierDocument.Kind.COMPONENT).map(PortalMapping::document).toList(),
        payments.of(facts.code()).stream().map(PortalMapping::fee).toList(),
        supplements(dossier.getHistory()),
        files.stream().filter(f -> f.getKind() == DossierDocument.Kind.RESULT).map(PortalMapping::document).toList(),
        dossier.getHistory().stream().map(this::step).toList(),
        dossier.getFormKey(),
        dossier.getForm());
  }

  /** The national base code (e.g. {@code 2.000635}) of the version the dossier was received under. */
  private String nationalCode(Dossier dossier) {
    return catalog.version(dossier.getProcedureCode(), dossier.getProcedureValidFrom())
        .or(() -> catalog.procedure(dossier.getProcedureCode()))
        .map(Procedure::nationalCode)
        .orElse(null);
  }

  /**
   * Only a sign-in through VNeID proves the account was verified with it; a dossier entered at the counter says
   * nothing either way.
   */
  private static Integer vneid(DossierFacts facts) {
    return facts.channel() == 2 ? Integer.valueOf(flag(facts.vneidVerified())) : null;
  }

  private static PortalDossier.Document document(DossierDocument file) {
    return new PortalDossier.Document(file.getComponentCode(), file.getFilename(), 1,
        flag(file.getSource() == DossierDocument.Source.WAREHOUSE), file.getSha256(), instant(file.getUploadedAt()));
  }

  private static PortalDossier.Fee fee(Charge charge) {
    return new PortalDossier.Fee(charge.getAmountVnd(), charge.getStatus().name(),
        charge.getMethod() == null ? null : charge.getMethod().name(), instant(charge.getSettledAt()),
        charge.getReceiptNumber());
  }

  /** Each request (form 02) with its guide, paired with the supply that answered it. */
  private static List<PortalDossier.Supplement> supplements(List<DossierEvent> history) {
    List<PortalDossier.Supplement> result = new ArrayList<>();
    for (DossierEvent line : history) {
      if (line.getAction() == DossierAction.SUPPLEMENT_REQUESTED) {
        result.add(new PortalDossier.Supplement(instant(line.getAt()), line.getNote(), null));
      } else if (line.getAction() == DossierAction.SUPPLEMENT_PROVIDED && !result.isEmpty()) {
        PortalDossier.Supplement open = result.get(result.size() - 1);
        result.set(result.size() - 1,
            new PortalDossier.Supplement(open.requestedAt(), open.guide(), instant(line.getAt())));
      }
    }
    return result;
  }

  private PortalDossier.Step step(DossierEvent line) {
    String role = line.getActorRole();
    return new PortalDossier.Step(line.getActorName(),
        role == null ? null : messages.getMessage("form.role." + role, null, role, VIETNAMESE),
        line.getActorAgency(), instant(line.getAt()), line.getAction().name(), line.getStepName(),
        line.getStatusCode(), instant(line.getStepDueAt()));
  }

  static String instant(LocalDateTime at) {
    return at == null ? null : at.format(INSTANT);
  }

  private static int flag(boolean value) {
    return value ? 1 : 0;
  }
}
