package org.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a crash or an outage must never leave behind, read straight from a database that only the test's own
 * dossiers use: the reverse of "every dossier has its process, history and event". A change is one transaction
 * (dossier, engine, history, steps, report counters, outbox), so a rolled-back or cut-off change leaves none of
 * these without the others.
 */
final class Integrity {

  private Integrity() {
  }

  /** No process, history line, step, document, status event or counted reception of a dossier that is not there. */
  static void assertNothingWithoutItsDossier(JdbcTemplate db) {
    // A dossier's processes (its own and the parts it calls) carry its code as business key.
    assertThat(db.queryForList("select business_key_ from act_ru_execution where parent_id_ is null"
        + " and (business_key_ is null or business_key_ not in (select code from dossier))", String.class))
        .as("processes without their dossier").isEmpty();
    assertThat(db.queryForList("select t.task_def_key_ from act_ru_task t where not exists (select 1 from"
        + " act_ru_execution p join dossier d on d.code = p.business_key_ where p.id_ = t.proc_inst_id_)", String.class))
        .as("open tasks without their dossier").isEmpty();
    assertThat(db.queryForObject("select count(*) from dossier_event e where not exists"
        + " (select 1 from dossier d where d.id = e.dossier_id)", Integer.class)).as("history lines without dossier")
        .isZero();
    assertThat(db.queryForObject("select count(*) from dossier_step s where not exists"
        + " (select 1 from dossier d where d.id = s.dossier_id)", Integer.class)).as("steps without dossier").isZero();
    assertThat(db.queryForObject("select count(*) from document f where not exists"
        + " (select 1 from dossier d where d.id = f.dossier_id)", Integer.class)).as("documents without dossier")
        .isZero();
    assertThat(db.queryForList("select dossier_code from outbox_event where dossier_code not in"
        + " (select code from dossier)", String.class)).as("status events without dossier").isEmpty();
    // The indicators count what the dossiers say: one reception counted per received dossier, no more, no less.
    long received = db.queryForObject("select count(*) from dossier where received_at is not null", Long.class);
    assertThat(db.queryForObject("select coalesce(sum(received), 0) from report_day", Long.class))
        .as("receptions counted by day").isEqualTo(received);
    assertThat(db.queryForObject("select coalesce(sum(received), 0) from report_month", Long.class))
        .as("receptions counted by month").isEqualTo(received);
  }
}
