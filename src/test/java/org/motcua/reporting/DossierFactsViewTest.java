package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.OnlineLevel;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.DossierFactsView;
import org.motcua.dossier.ImportedDossiers;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.motcua.dossier.Timeliness;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting's one window on dossiers, the dossier side's {@code dossier_facts} view: its columns are
 * {@link DossierFacts}' fields, and a dossier created through the dossier side reads
 * back from it as the facts it was created with.
 */
@MotcuaTest
class DossierFactsViewTest {

  @Autowired
  ImportedDossiers dossiers;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void theViewsColumnsAreTheFactsFields() {
    List<String> fields = new ArrayList<>();
    for (RecordComponent c : DossierFacts.class.getRecordComponents()) {
      fields.add(c.getName().equals("field") ? "procedure_field"
          : c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
    }
    assertThat(DossierFactsView.COLUMNS).isEqualTo(fields);
    List<String> columns = jdbc.query("select * from " + DossierFactsView.NAME + " where 1 = 0", rs -> {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
      return names;
    });
    assertThat(columns).isEqualTo(DossierFactsView.COLUMNS);
  }

  @Test
  void aDossierReadsBackAsItsFacts() {
    LocalDateTime t = LocalDateTime.of(1989, 3, 1, 9, 30);
    DossierFacts open = new DossierFacts("FV-1", "FV.P1", "Hộ tịch", OnlineLevel.FULL, 0, "FV.A", "/FV.R/FV.A/", 2,
        4, t.minusHours(1), t, t.plusDays(3), null, null, null, null, 1, DurationUnit.WORKING_DAYS, true, 2, 1,
        false, false, null);
    DossierFacts stopped = new DossierFacts("FV-2", "FV.P2", "Đất đai", OnlineLevel.PARTIAL, 30_000, "FV.A",
        "/FV.R/FV.A/", 1, 8, t.minusHours(1), t, t.plusDays(3), null, null, t.plusDays(4), Timeliness.LATE, 2,
        DurationUnit.CALENDAR_DAYS, false, 0, 0, true, true, "WITHDRAWN");
    DossierFacts returned = new DossierFacts("FV-3", "FV.P1", "Hộ tịch", OnlineLevel.FULL, 0, "FV.A",
        "/FV.R/FV.A/", 3, 10, t.minusHours(1), t, t.plusDays(3), t.plusDays(1), t.plusDays(2), t.plusDays(1),
        Timeliness.EARLY, 0, DurationUnit.WORKING_DAYS, true, 1, 0, true, false, null);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(status -> {
      status.setRollbackOnly();
      dossiers.insert(List.of(new ImportedDossier(open, "Đăng ký khai sinh", 3),
          new ImportedDossier(stopped, "Chuyển mục đích", 10), new ImportedDossier(returned, "Trích lục", 1)));
      List<DossierFacts> read = jdbc.query("select " + String.join(", ", DossierFactsView.COLUMNS) + " from "
          + DossierFactsView.NAME + " where code in ('FV-1', 'FV-2', 'FV-3') order by code", (rs, n) -> facts(rs));
      assertThat(read).containsExactly(open, stopped, returned);
      assertThat(dossiers.existing(List.of("FV-1", "FV-3", "FV-4"))).containsExactlyInAnyOrder("FV-1", "FV-3");
    });
  }

  private static DossierFacts facts(ResultSet rs) throws SQLException {
    String timeliness = rs.getString("timeliness");
    return new DossierFacts(rs.getString("code"), rs.getString("procedure_code"), rs.getString("procedure_field"),
        OnlineLevel.valueOf(rs.getString("online_level")), rs.getLong("fee_vnd"), rs.getString("agency_code"),
        rs.getString("agency_path"), rs.getInt("channel"), rs.getInt("status"), time(rs, "submitted_at"),
        time(rs, "received_at"), time(rs, "due_at"), time(rs, "finished_at"), time(rs, "returned_at"),
        time(rs, "ended_at"), timeliness == null ? null : Timeliness.valueOf(timeliness),
        rs.getInt("supplement_count"), DurationUnit.valueOf(rs.getString("duration_unit")),
        rs.getBoolean("components_digitized"), rs.getInt("components_supplied"), rs.getInt("components_reused"),
        rs.getBoolean("result_digitized"), rs.getBoolean("paid_online"), rs.getString("stop_reason"),
        rs.getBoolean("vneid_verified"), (Integer) rs.getObject("satisfaction_rating", Integer.class),
        rs.getInt("feedback_count"), rs.getInt("feedback_rejected"));
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
