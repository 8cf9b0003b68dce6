package org.motcua.dossier;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.motcua.dossier.DossierViews.AllowsView;
import org.motcua.dossier.DossierViews.DocumentView;
import org.motcua.dossier.DossierViews.DossierSummaryView;
import org.motcua.dossier.DossierViews.WarehouseItemView;
import org.motcua.warehouse.WarehouseItem;
import org.motcua.dossier.DossierViews.DossierView;
import org.motcua.dossier.DossierViews.EventView;
import org.motcua.dossier.DossierViews.StepRecordView;
import org.motcua.dossier.DossierViews.StepView;
import org.motcua.dossier.DossierViews.TaskView;
import org.motcua.process.WorkItem;

/** The views of the API, which the pages render too (see {@code web/DossierPages}). */
@Mapper(uses = StatusNames.class)
public interface DossierMapper {

  @Mapping(target = "channel", expression = "java(dossier.getChannel().code())")
  @Mapping(target = "status", expression = "java(dossier.getStatus().code())")
  @Mapping(target = "statusName", source = "dossier.status")
  @Mapping(target = "currentSteps", source = "openSteps")
  @Mapping(target = "steps", source = "dossier.steps")
  @Mapping(target = "overrunSteps", source = "dossier.overrunSteps")
  @Mapping(target = "lateCausedBy", expression = "java(dossier.lateCausedBy())")
  @Mapping(target = "submittedBy", source = "dossier.ownerUsername")
  @Mapping(target = "resultDelivery",
      expression = "java(dossier.getResultDelivery() == null ? null : dossier.getResultDelivery().code())")
  @Mapping(target = "allows", source = "dossier")
  DossierView toView(Dossier dossier, List<WorkItem> openSteps);

  @Mapping(target = "name", source = "taskName")
  @Mapping(target = "outcome", expression = "java(step.getOutcome() == null ? null : step.getOutcome().name())")
  StepRecordView toRecord(DossierStep step);

  default AllowsView allows(Dossier d) {
    return new AllowsView(d.awaitsReception(), d.awaitsSupplement(), d.awaitsPayment(), d.mayBeWithdrawn(),
        d.mayBeRated(), d.applicantMayAddFiles(), d.clerkMayAddFiles(), d.awaitsResultUpload(),
        d.isOverdueWithoutResult());
  }

  DocumentView toView(DossierDocument document);

  List<DocumentView> toDocumentViews(List<DossierDocument> documents);

  WarehouseItemView toView(WarehouseItem item);

  List<WarehouseItemView> toItemViews(List<WarehouseItem> items);

  @Mapping(target = "channel", expression = "java(dossier.getChannel().code())")
  @Mapping(target = "status", expression = "java(dossier.getStatus().code())")
  @Mapping(target = "statusName", source = "status")
  @Mapping(target = "applicantName", source = "applicant.name")
  DossierSummaryView toSummary(Dossier dossier);

  @Mapping(target = "status", source = "statusCode")
  @Mapping(target = "actor", source = "actorUsername")
  EventView toView(DossierEvent event);

  @Mapping(target = "taskId", source = "id")
  StepView toStep(WorkItem item);

  @Mapping(target = "id", source = "item.id")
  @Mapping(target = "name", source = "item.name")
  @Mapping(target = "dossierCode", source = "item.dossierCode")
  @Mapping(target = "agencyCode", source = "item.agencyCode")
  @Mapping(target = "dueAt", source = "item.dueAt")
  @Mapping(target = "procedureCode", source = "dossier.procedureCode")
  @Mapping(target = "procedureName", source = "dossier.procedureName")
  @Mapping(target = "applicantName", source = "dossier.applicant.name")
  @Mapping(target = "dossierDueAt", source = "dossier.dueAt")
  TaskView toTask(WorkItem item, Dossier dossier, boolean warned);
}
