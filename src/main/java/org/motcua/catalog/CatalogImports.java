package org.motcua.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.motcua.common.ApiException;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Catalogue import (nhập danh mục thủ tục): a file in the layout of {@link CatalogImportColumn} is read and checked
 * line by line (every error, nothing stored if there is one), compared with the catalogue in force (the preview,
 * stored), then committed with its effective date and publication decision (quyết định công bố) and installed with
 * {@link Catalog#publish}. Committed imports are re-applied in order at start-up, and every node looks for imports
 * committed elsewhere every {@code motcua.catalogue-imports.refresh-interval} (README "Catalogue import").
 */
@Service
public class CatalogImports implements UseCase, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CatalogImports.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_DECISION = 200;

  /** An import as the preview and the history show it. */
  public record ImportView(long id, String fileName, String state, int rowsRead, int procedures, int unchanged,
      List<CatalogImportDiff.Change> added, List<CatalogImportDiff.Change> changed,
      List<CatalogImportDiff.Change> withdrawn, Long baseId, String previewedBy, LocalDateTime previewedAt,
      LocalDate effectiveFrom, String decision, String committedBy, LocalDateTime committedAt) {

    public boolean committed() {
      return "COMMITTED".equals(state);
    }
  }

  /** An error of a line, its reason in the reader's language. */
  public record LineErrorView(String file, int line, String field, String code, String message) {
  }

  /** A file with bad lines: every one of them, nothing stored. */
  public static final class InvalidFile extends ApiException {
    private final transient List<CatalogImportRows.LineError> errors;

    InvalidFile(List<CatalogImportRows.LineError> errors) {
      super(CatalogImportRefusal.CATALOGUE_IMPORT_INVALID, errors.size());
      this.errors = errors;
    }

    public List<LineErrorView> errors(java.util.function.BiFunction<String, Object[], String> messages) {
      return errors.stream().map(e -> new LineErrorView(e.file(), e.line(), e.field(), e.code(),
          messages.apply("catalogueImport." + e.code(), new Object[] {e.detail(), e.field()}))).toList();
    }
  }

  private final Catalog catalog;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration refreshInterval;
  private ScheduledExecutorService refresher;
  /** The last committed import installed in this node's catalogue (0: none). */
  private long applied;

  CatalogImports(Catalog catalog, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
      @Value("${motcua.catalogue-imports.refresh-interval:PT30S}") Duration refreshInterval) {
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.refreshInterval = refreshInterval;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(CatalogImportRefusal.values());
  }

  /** Start-up: the committed imports over the configuration, in order; then a look for new ones now and then. */
  @PostConstruct
  void start() {
    refresh();
    if (!refreshInterval.isZero() && !refreshInterval.isNegative()) {
      refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catalogue-refresh");
        t.setDaemon(true);
        return t;
      });
      long every = refreshInterval.toMillis();
      refresher.scheduleWithFixedDelay(() -> {
        try {
          refresh();
        } catch (RuntimeException e) {
          log.warn("Catalogue refresh failed; tried again in {}", refreshInterval, e);
        }
      }, every, every, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void destroy() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  /** Installs the imports committed (on any node) since the last one this node installed, in order. */
  public synchronized void refresh() {
    List<Long> ids = jdbc.queryForList("select id from catalogue_import where state = 'COMMITTED' and id > ? "
        + "order by id", Long.class, applied);
    for (long id : ids) {
      apply(catalog, id);
      applied = id;
    }
  }

  /** Installs one committed import in {@code target}: its new and amended procedures, and its withdrawals. */
  void apply(Catalog target, long id) {
    LocalDate from = jdbc.queryForObject("select effective_from from catalogue_import where id = ?", LocalDate.class,
        id);
    LocalDate committedOn = jdbc.queryForObject("select committed_at from catalogue_import where id = ?",
        java.time.LocalDateTime.class, id).toLocalDate();
    Map<String, String> kinds = new java.util.HashMap<>();
    jdbc.query("select code, kind from catalogue_import_change where import_id = ?",
        rs -> {
          kinds.put(rs.getString("code"), rs.getString("kind"));
        }, id);
    List<Procedure> versions = new ArrayList<>();
    jdbc.query("select code, entry from catalogue_import_entry where import_id = ? order by position", rs -> {
      if (kinds.containsKey(rs.getString("code"))) {
        versions.add(target.loader().parseProcedure(json(rs.getString("entry")), "catalogue import " + id));
      }
    }, id);
    Set<String> withdrawn = new HashSet<>();
    kinds.forEach((code, kind) -> {
      if ("WITHDRAWN".equals(kind)) {
        withdrawn.add(code);
      }
    });
    target.replay(versions, withdrawn, from, committedOn);
    log.info("Catalogue import {} installed: {} new or amended, {} withdrawn, from {}", id, versions.size(),
        withdrawn.size(), from);
  }

  /**
   * Reads and checks the file and stores its preview. Every bad line is reported at once ({@link InvalidFile});
   * nothing is stored then. {@code progress} hears the rows checked so far.
   */
  public ImportView preview(String user, String fileName, byte[] content, java.util.function.IntConsumer progress) {
    CatalogImportFile.Table table;
    try {
      table = CatalogImportFile.read(fileName, content);
    } catch (CatalogImportFile.Unreadable e) {
      throw e.refusal.exception(e.args);
    }
    String file = fileName == null || fileName.isBlank() ? "catalogue.csv" : fileName;
    CatalogImportRows.Result result = CatalogImportRows.read(file, table, catalog, progress);
    if (!result.errors().isEmpty()) {
      throw new InvalidFile(result.errors());
    }
    List<Procedure> procedures = result.entries().stream().map(CatalogImportRows.Entry::procedure).toList();
    CatalogImportDiff diff = CatalogImportDiff.of(catalog.procedures(), procedures);
    long id = tx.execute(status -> store(user, file, result, diff));
    return require(id);
  }

  private long store(String user, String file, CatalogImportRows.Result result, CatalogImportDiff diff) {
    Long base = latestCommitted();
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(c -> {
      var s = c.prepareStatement("insert into catalogue_import (file_name, state, rows_read, procedures, new_count, "
          + "changed_count, withdrawn_count, unchanged_count, base_id, previewed_by, previewed_at) "
          + "values (?, 'PREVIEW', ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      s.setString(1, file.length() > 255 ? file.substring(0, 255) : file);
      s.setInt(2, result.rowsRead());
      s.setInt(3, result.entries().size());
      s.setInt(4, diff.added().size());
      s.setInt(5, diff.changed().size());
      s.setInt(6, diff.withdrawn().size());
      s.setInt(7, diff.unchanged());
      s.setObject(8, base);
      s.setString(9, user);
      s.setTimestamp(10, Timestamp.valueOf(LocalDateTime.now(clock)));
      return s;
    }, key);
    long id = key.getKey().longValue();
    List<Object[]> entries = new ArrayList<>();
    for (int i = 0; i < result.entries().size(); i++) {
      CatalogImportRows.Entry e = result.entries().get(i);
      entries.add(new Object[] {id, i, e.code(), e.json().toString()});
    }
    jdbc.batchUpdate("insert into catalogue_import_entry (import_id, position, code, entry) values (?, ?, ?, ?)",
        entries);
    List<Object[]> changes = new ArrayList<>();
    diff.added().forEach(c -> changes.add(new Object[] {id, c.code(), "NEW", c.name(), null}));
    diff.changed().forEach(c -> changes.add(new Object[] {id, c.code(), "CHANGED", c.name(),
        String.join(",", c.aspects())}));
    diff.withdrawn().forEach(c -> changes.add(new Object[] {id, c.code(), "WITHDRAWN", c.name(), null}));
    jdbc.batchUpdate("insert into catalogue_import_change (import_id, code, kind, name, aspects) "
        + "values (?, ?, ?, ?, ?)", changes);
    return id;
  }

  /**
   * Commits a preview: from {@code effectiveFrom} (today or later) the file's new and amended procedures are in force
   * and those it left out are withdrawn. Dossiers already submitted keep the version they were submitted under.
   */
  public ImportView commit(String user, long id, LocalDate effectiveFrom, String decision) {
    LocalDate today = LocalDate.now(clock);
    if (effectiveFrom == null || effectiveFrom.isBefore(today)) {
      throw CatalogImportRefusal.CATALOGUE_IMPORT_EFFECTIVE_IN_PAST.exception(today);
    }
    if (decision == null || decision.isBlank() || decision.strip().length() > MAX_DECISION) {
      throw CatalogImportRefusal.CATALOGUE_IMPORT_DECISION_REQUIRED.exception();
    }
    ImportView view = require(id);
    if (view.committed()) {
      throw CatalogImportRefusal.CATALOGUE_IMPORT_ALREADY_COMMITTED.exception(id);
    }
    if (view.added().isEmpty() && view.changed().isEmpty() && view.withdrawn().isEmpty()) {
      throw CatalogImportRefusal.CATALOGUE_IMPORT_NO_CHANGES.exception();
    }
    if (!Objects.equals(view.baseId(), latestCommitted())) {
      throw CatalogImportRefusal.CATALOGUE_IMPORT_STALE.exception(id);
    }
    try {
      // Installed in the transaction that marks it committed: if the catalogue refuses it, nothing is committed.
      tx.executeWithoutResult(status -> {
        int updated = jdbc.update("update catalogue_import set state = 'COMMITTED', effective_from = ?, decision = ?, "
            + "committed_by = ?, committed_at = ?, committed_base = ? where id = ? and state = 'PREVIEW'",
            Date.valueOf(effectiveFrom), decision.strip(), user, Timestamp.valueOf(LocalDateTime.now(clock)),
            view.baseId() == null ? 0L : view.baseId(), id);
        if (updated == 0) {
          throw CatalogImportRefusal.CATALOGUE_IMPORT_ALREADY_COMMITTED.exception(id);
        }
        refresh();
      });
    } catch (DataIntegrityViolationException e) {
      // Another commit on the same base won, here or on another node.
      throw CatalogImportRefusal.CATALOGUE_IMPORT_STALE.exception(id);
    } catch (IllegalArgumentException e) {
      throw CatalogImportRefusal.CATALOGUE_IMPORT_SUPERSEDES_IN_FORCE.exception(e.getMessage());
    }
    return require(id);
  }

  private Long latestCommitted() {
    return jdbc.queryForObject("select max(id) from catalogue_import where state = 'COMMITTED'", Long.class);
  }

  public ImportView require(long id) {
    List<ImportView> found = jdbc.query("select * from catalogue_import where id = ?", (rs, n) -> {
      List<CatalogImportDiff.Change> added = new ArrayList<>();
      List<CatalogImportDiff.Change> changed = new ArrayList<>();
      List<CatalogImportDiff.Change> withdrawn = new ArrayList<>();
      jdbc.query("select code, kind, name, aspects from catalogue_import_change where import_id = ? order by code",
          r -> {
            String aspects = r.getString("aspects");
            CatalogImportDiff.Change change = new CatalogImportDiff.Change(r.getString("code"), r.getString("name"),
                aspects == null || aspects.isEmpty() ? List.of() : List.of(aspects.split(",")));
            switch (r.getString("kind")) {
              case "NEW" -> added.add(change);
              case "CHANGED" -> changed.add(change);
              default -> withdrawn.add(change);
            }
          }, id);
      Date from = rs.getDate("effective_from");
      Timestamp committedAt = rs.getTimestamp("committed_at");
      long base = rs.getLong("base_id");
      Long baseId = rs.wasNull() ? null : base;
      return new ImportView(rs.getLong("id"), rs.getString("file_name"), rs.getString("state"),
          rs.getInt("rows_read"), rs.getInt("procedures"), rs.getInt("unchanged_count"), added, changed, withdrawn,
          baseId, rs.getString("previewed_by"),
          rs.getTimestamp("previewed_at").toLocalDateTime(), from == null ? null : from.toLocalDate(),
          rs.getString("decision"), rs.getString("committed_by"),
          committedAt == null ? null : committedAt.toLocalDateTime());
    }, id);
    return found.stream().findFirst()
        .orElseThrow(() -> CatalogImportRefusal.CATALOGUE_IMPORT_NOT_FOUND.exception(id));
  }

  /** The latest imports, newest first. */
  public List<ImportView> recent(int limit) {
    return jdbc.queryForList("select id from catalogue_import order by id desc limit ?", Long.class, limit).stream()
        .map(this::require).toList();
  }

  /** The catalogue in force today in the import layout (CSV, UTF-8 with a byte-order mark for Excel). */
  public byte[] currentCatalogue() {
    return CatalogImportExport.csv(catalog, catalog.procedures());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CatalogException("catalogue import: stored entry is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
