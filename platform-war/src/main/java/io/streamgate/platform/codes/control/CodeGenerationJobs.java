package io.streamgate.platform.codes.control;

import io.streamgate.common.ids.RandomIds;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates large batches of codes (up to {@value #MAX_CODES}) in the background on a {@link
 * CodeGenerationWorker}, so that the console can show progress. Jobs live in this member's memory;
 * a page polls the member that started it.
 */
@ApplicationScoped
public class CodeGenerationJobs {

  public static final int MAX_CODES = 10_000;
  static final int KEPT = 100;

  @Inject EventAdministration events;

  @Inject CodeGenerationWorker worker;

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /** A running or finished job: how far it got, and what went wrong if it stopped. */
  public static final class Job {
    private final String id = RandomIds.uuid();
    private final String eventId;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean finished;
    private volatile String failure;

    Job(String eventId, int total) {
      this.eventId = eventId;
      this.total = total;
    }

    public String id() {
      return id;
    }

    public String eventId() {
      return eventId;
    }

    public int total() {
      return total;
    }

    public int done() {
      return done.get();
    }

    public int percent() {
      return total == 0 ? 100 : done.get() * 100 / total;
    }

    public boolean finished() {
      return finished;
    }

    public Optional<String> failure() {
      return Optional.ofNullable(failure);
    }

    void advance(int codes) {
      done.addAndGet(codes);
    }

    void fail(String reason) {
      failure = reason;
    }

    void finish() {
      finished = true;
    }
  }

  public Job start(String eventId, int count, String label, String actor, String ip) {
    if (count < 1 || count > MAX_CODES) {
      throw new BadRequestException("Count must be between 1 and " + MAX_CODES + ".");
    }
    events.find(eventId);
    Job job = new Job(eventId, count);
    if (jobs.size() >= KEPT) {
      jobs.values().removeIf(Job::finished);
    }
    jobs.put(job.id(), job);
    worker.run(job, label, actor, ip);
    return job;
  }

  public Optional<Job> find(String id) {
    return Optional.ofNullable(id == null ? null : jobs.get(id));
  }
}
