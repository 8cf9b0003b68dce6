package org.motcua.reporting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.motcua.catalog.Catalog;
import org.motcua.common.ApiException;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.motcua.security.MotcuaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports dossier history from a previous system (CSV, see {@link HistoryCsv#HEADER}). The upload is spooled to a
 * temporary file, then read twice, a line at a time: first every line is validated (nothing is written if any line
 * is bad, unless {@code skipInvalid}); then the valid lines are written in batches, each batch in one transaction
 * with its day counters and the job's progress. Codes already in the database are skipped, so an import that stopped
 * half-way, or the same file sent twice, completes without counting anything twice. Imports run one at a time.
 */
@Service
class HistoryImports implements DisposableBean, UseCase {

  private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);
  private static final int BATCH = 5000;

  private final ImportJobs jobs;
  private final HistoryRows rows;
  private final Catalog catalog;
  private final Clock clock;
  private final ImportProperties limits;
  private final TransactionTemplate tx;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "history-import");
    t.setDaemon(true);
    return t;
  });

  HistoryImports(ImportJobs jobs, HistoryRows rows, Catalog catalog, Clock clock,
      PlatformTransactionManager transactions, ImportProperties limits) {
    this.limits = limits;
    this.jobs = jobs;
    this.rows = rows;
    this.catalog = catalog;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  /** Starting an import: the body is checked for its size and header before anything is stored. */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(ImportRefusal.IMPORT_EMPTY, ImportRefusal.IMPORT_BAD_HEADER, ImportRefusal.IMPORT_TOO_LARGE);
  }

  /**
   * Checks the size and the header, spools the body and starts the job; returns its id at once. A body above
   * {@code motcua.imports.max-bytes} is refused (413) before anything is stored: at once when its declared length says
   * so, else as soon as the spooled bytes pass the limit (the partial file is deleted).
   *
   * @param declaredLength the request's Content-Length, or -1 when it is not known (chunked)
   */
  String start(MotcuaUser admin, InputStream body, long declaredLength, boolean skipInvalid) {
    long max = limits.getMaxBytes().toBytes();
    if (declaredLength > max) {
      throw tooLarge(max);
    }
    Path file = spool(body, max);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        throw ImportRefusal.IMPORT_EMPTY.exception();
      }
      if (!HistoryCsv.isHeader(header)) {
        throw ImportRefusal.IMPORT_BAD_HEADER.exception(HistoryCsv.HEADER);
      }
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
    String id = UUID.randomUUID().toString();
    jobs.create(id, skipInvalid, admin.username(), LocalDateTime.now(clock));
    worker.submit(() -> run(id, file, skipInvalid));
    return id;
  }

  private void run(String id, Path file, boolean skipInvalid) {
    try {
      HistoryCsv csv = new HistoryCsv(catalog, LocalDateTime.now(clock));
      long t0 = System.nanoTime();
      BitSet invalid = validate(id, file, csv);
      log.info("History import {}: validated in {} ms", id, (System.nanoTime() - t0) / 1_000_000);
      long rejected = invalid.cardinality();
      if (rejected > 0 && !skipInvalid) {
        jobs.finish(id, ImportJobs.State.REJECTED, LocalDateTime.now(clock), null);
        return;
      }
      long w0 = System.nanoTime();
      write(id, file, csv, invalid);
      log.info("History import {}: written in {} ms", id, (System.nanoTime() - w0) / 1_000_000);
      jobs.finish(id, ImportJobs.State.SUCCEEDED, LocalDateTime.now(clock), null);
    } catch (RuntimeException | IOException e) {
      log.error("History import {} failed", id, e);
      jobs.finish(id, ImportJobs.State.FAILED, LocalDateTime.now(clock), e.toString());
    } finally {
      delete(file);
    }
  }

  /** First pass: every line checked; rejected lines are marked (and the first ones kept with their reason). */
  private BitSet validate(String id, Path file, HistoryCsv csv) throws IOException {
    BitSet invalid = new BitSet();
    CodeSet codes = new CodeSet();
    List<ImportJobs.LineError> kept = new ArrayList<>();
    long read = 0;
    long rejected = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.readLine();
      int line = 1;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        read++;
        HistoryCsv.Row row = csv.parse(text);
        HistoryCsv.Rejection rejection = row.rejection();
        if (rejection == null) {
          int first = codes.addOrFirstLine(row.dossier().facts().code(), line);
          if (first != 0) {
            rejection = new HistoryCsv.Rejection("DUPLICATE_CODE", row.dossier().facts().code() + " @" + first);
          }
        }
        if (rejection != null) {
          invalid.set(line);
          rejected++;
          if (kept.size() < ImportJobs.KEPT_ERRORS) {
            kept.add(new ImportJobs.LineError(line, rejection.reason(), rejection.detail()));
          }
        }
        if (read % 20_000 == 0) {
          jobs.progress(id, read, 0, 0, rejected);
        }
      }
    }
    jobs.errors(id, kept);
    jobs.progress(id, read, 0, 0, rejected);
    return invalid;
  }

  /** Second pass: valid lines in batches; each batch with its counters and progress in one transaction. */
  private void write(String id, Path file, HistoryCsv csv, BitSet invalid) throws IOException {
    long read = 0;
    long[] imported = {0};
    long[] present = {0};
    long rejected = invalid.cardinality();
    List<ImportedDossier> batch = new ArrayList<>(BATCH);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.readLine();
      int line = 1;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        read++;
        if (!invalid.get(line)) {
          batch.add(csv.parse(text).dossier());
        }
        if (batch.size() == BATCH) {
          flush(id, batch, read, imported, present, rejected);
        }
      }
    }
    flush(id, batch, read, imported, present, rejected);
  }

  private void flush(String id, List<ImportedDossier> batch, long read, long[] imported, long[] present,
      long rejected) {
    long t0 = System.nanoTime();
    tx.executeWithoutResult(status -> {
      Set<String> existing = rows.existing(batch.stream().map(d -> d.facts().code()).toList());
      List<ImportedDossier> fresh = batch.stream().filter(d -> !existing.contains(d.facts().code())).toList();
      rows.insert(fresh);
      imported[0] += fresh.size();
      present[0] += existing.size();
      jobs.progress(id, read, imported[0], present[0], rejected);
    });
    log.debug("Import {}: batch of {} in {} ms", id, batch.size(), (System.nanoTime() - t0) / 1_000_000);
    batch.clear();
  }

  private static Path spool(InputStream body, long max) {
    Path file;
    try {
      file = Files.createTempFile("motcua-import-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > max) {
          throw tooLarge(max);
        }
        out.write(buffer, 0, n);
      }
      return file;
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  private static ApiException tooLarge(long max) {
    return ImportRefusal.IMPORT_TOO_LARGE.exception(max / (1024.0 * 1024.0));
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Cannot delete {}", file, e);
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
