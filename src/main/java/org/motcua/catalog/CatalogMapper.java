package org.motcua.catalog;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.motcua.calendar.TimeLimit;
import org.motcua.catalog.CatalogViews.AgencyView;
import org.motcua.catalog.CatalogViews.CaseView;
import org.motcua.catalog.CatalogViews.DurationView;
import org.motcua.catalog.CatalogViews.ProcedureView;

@Mapper
interface CatalogMapper {

  AgencyView toView(Agency agency);

  List<AgencyView> toAgencyViews(Iterable<Agency> agencies);

  @Mapping(target = "feeVnd", expression = "java(procedure.feeVnd())")
  ProcedureView toView(Procedure procedure);

  List<ProcedureView> toProcedureViews(List<Procedure> procedures);

  DurationView toView(TimeLimit limit);

  @Mapping(target = "feeVnd", expression = "java(c.feeVnd())")
  CaseView toView(Procedure.Case c);
}
