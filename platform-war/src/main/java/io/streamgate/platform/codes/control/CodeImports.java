package io.streamgate.platform.codes.control;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.ids.RandomIds;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.persistence.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Codes a ticket shop already printed, imported for an event all or nothing: each normalised as a
 * typed code is (spaces and dashes dropped, upper-cased) and checked against the code alphabet;
 * repeats within the file and codes that exist already are refused with their rows. Rows are read
 * as they arrive and written 1,000 at a time, the persistence context cleared after each, so memory
 * stays flat whatever the file's size; one problem anywhere rolls everything back.
 */
@ApplicationScoped
public class CodeImports {

  /** The most codes one import takes. */
  public static final int MAX_CODES = 100_000;

  /** How many problems an answer lists (all are counted). */
  public static final int PROBLEMS_SHOWN = 100;

  /** How many rows a preview shows. */
  public static final int PREVIEW_ROWS = 10;

  static final int BATCH = 1000;

  /** A row as it will be stored. */
  public record Code(String place, String code, String label) {}

  /** What an import did, or (a preview) would do. */
  public record Outcome(int codes, List<Code> first, List<String> problems, int problemCount) {

    public boolean clean() {
      return problemCount == 0;
    }
  }

  @PersistenceContext EntityManager em;

  @Inject EventAdministration events;

  @Inject AuditTrail audit;

  @Inject CodeWebhooks webhooks;

  @Inject Clock clock;

  @Inject Database database;

  /**
   * Imports the rows for the event; throws {@link CodeImportRefusedException} with the problems
   * (nothing stored) when there is any.
   */
  @Transactional
  public Outcome store(
      String eventId, Iterator<CodeImportSource.Row> rows, String actor, String ip) {
    Outcome outcome = read(eventId, rows, true);
    if (!outcome.clean()) {
      throw new CodeImportRefusedException(outcome);
    }
    audit.record(actor, "codes-import", "event:" + eventId, ip, "count=" + outcome.codes());
    webhooks.generated(eventId, outcome.codes(), "import", clock.instant());
    return outcome;
  }

  /** What {@link #store} would do: the first rows and every problem, nothing stored. */
  @Transactional
  public Outcome preview(String eventId, Iterator<CodeImportSource.Row> rows) {
    return read(eventId, rows, false);
  }

  private Outcome read(String eventId, Iterator<CodeImportSource.Row> rows, boolean store) {
    Event event = events.find(eventId);
    Instant now = clock.instant();
    Map<String, String> seen = new HashMap<>();
    List<Code> batch = new ArrayList<>(BATCH);
    List<Code> first = new ArrayList<>(PREVIEW_ROWS);
    Problems problems = new Problems();
    int codes = 0;
    while (rows.hasNext()) {
      CodeImportSource.Row row = rows.next();
      if (row.problem() != null) {
        problems.add(row.problem());
        if (row.last()) {
          break;
        }
        continue;
      }
      if (++codes > MAX_CODES) {
        problems.add(row.place() + ": more than " + MAX_CODES + " codes; split the file.");
        break;
      }
      String code = AccessCodeCodec.normalise(row.code()).orElse(null);
      if (code == null) {
        problems.add(
            row.place()
                + ": not an access code ("
                + AccessCodeCodec.LENGTH
                + " characters of "
                + AccessCodeCodec.ALPHABET
                + "; spaces and dashes are ignored).");
        continue;
      }
      if (row.label() != null && !CodeIssuance.labelFits(row.label())) {
        problems.add(
            row.place() + ": the label is longer than " + CodeIssuance.MAX_LABEL + " characters.");
        continue;
      }
      String earlier = seen.putIfAbsent(code, row.place());
      if (earlier != null) {
        problems.add(
            row.place() + ": repeats the code of " + earlier.toLowerCase(Locale.ROOT) + ".");
        continue;
      }
      Code accepted = new Code(row.place(), code, row.label());
      if (first.size() < PREVIEW_ROWS) {
        first.add(accepted);
      }
      batch.add(accepted);
      if (batch.size() == BATCH) {
        write(batch, event, now, store && problems.none(), problems);
      }
    }
    write(batch, event, now, store && problems.none(), problems);
    return new Outcome(seen.size(), first, problems.shown, problems.count);
  }

  /** Checks the batch against the codes stored and writes it when {@code store}. */
  private void write(List<Code> batch, Event event, Instant now, boolean store, Problems problems) {
    if (batch.isEmpty()) {
      return;
    }
    List<String> existing =
        em.createNamedQuery(AccessCode.EXISTING, String.class)
            .setParameter("ids", batch.stream().map(Code::code).toList())
            .getResultList();
    if (!existing.isEmpty()) {
      batch.stream()
          .filter(code -> existing.contains(code.code()))
          .forEach(code -> problems.add(code.place() + ": this code exists already."));
    }
    if (store && existing.isEmpty()) {
      insert(batch, event, now);
    }
    batch.clear();
  }

  /**
   * One JDBC batch for the rows, on the transaction's connection: a persisted entity a row would
   * cost ten times the time, and the persistence context would hold every one until the commit.
   */
  private void insert(List<Code> batch, Event event, Instant now) {
    OffsetDateTime created = now.atOffset(ZoneOffset.UTC);
    OffsetDateTime expires = event.accessEndsAt().atOffset(ZoneOffset.UTC);
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO access_code (id, code, event_id, label, label_key, revoked,"
                    + " expires_at, created_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)")) {
      for (Code code : batch) {
        insert.setString(1, RandomIds.timeOrdered(now.toEpochMilli()));
        insert.setString(2, code.code());
        insert.setString(3, event.id());
        insert.setString(4, code.label());
        insert.setString(5, code.label() == null ? null : code.label().toLowerCase(Locale.ROOT));
        insert.setObject(6, expires);
        insert.setObject(7, created);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      if (Database.uniqueViolation(e)) {
        throw new CodeImportRefusedException();
      }
      throw new PersistenceException(e);
    }
  }

  /** The problems found: the first {@link #PROBLEMS_SHOWN}, and how many in all. */
  private static final class Problems {
    final List<String> shown = new ArrayList<>();
    int count;

    void add(String problem) {
      if (shown.size() < PROBLEMS_SHOWN) {
        shown.add(problem);
      }
      count++;
    }

    boolean none() {
      return count == 0;
    }
  }
}
