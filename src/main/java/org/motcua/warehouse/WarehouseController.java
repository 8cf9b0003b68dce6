package org.motcua.warehouse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.motcua.common.AnyRequestRefusal;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The applicant lists their own e-data warehouse. */
@Tag(name = "E-data warehouse",
    description = "Kho dữ liệu điện tử: the papers and results a citizen may reuse in later dossiers.")
@RestController
class WarehouseController {

  private final Warehouse warehouse;

  WarehouseController(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  record ItemView(long id, String documentType, String name, String issuingAgency, LocalDate issuedOn,
      LocalDate validUntil, String sourceDossierCode, String filename, String contentType, long sizeBytes,
      String sha256) {
  }

  @Operation(operationId = "listWarehouseItems", summary = "My e-data warehouse (kho dữ liệu điện tử)",
      description = "For a signed-in citizen: the papers and e-results kept for them, with their type, issuer, "
          + "validity and the dossier they came from, which later dossiers may reuse.")
  @GetMapping("/api/warehouse")
  List<ItemView> mine(@AuthenticationPrincipal MotcuaUser user) {
    if (!user.is(Role.CITIZEN) || user.idNumber() == null) {
      throw AnyRequestRefusal.ACCESS_DENIED.exception();
    }
    return warehouse.of(user.idNumber()).stream()
        .map(i -> new ItemView(i.getId(), i.getDocumentType(), i.getName(), i.getIssuingAgency(), i.getIssuedOn(),
            i.getValidUntil(), i.getSourceDossierCode(), i.getFilename(), i.getContentType(), i.getSizeBytes(),
            i.getSha256()))
        .toList();
  }
}
