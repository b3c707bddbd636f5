package io.streamgate.platform.console.boundary;

import io.streamgate.common.Spec;
import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.codes.control.CodeGenerationJobs;
import io.streamgate.platform.codes.control.CodeGenerationJobs.Job;
import io.streamgate.platform.codes.control.CodeIssuance;
import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.codes.control.CodeQueries.CodeFilter;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.codes.entity.CodeStatus;
import io.streamgate.platform.events.control.EventQueries;
import io.streamgate.platform.revocation.control.Revocations;
import io.streamgate.platform.web.boundary.PagedModel;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backs the codes page: the lazy table (50 per page) with its filters and checkbox selection,
 * revoke / un-revoke / bulk revoke, and generation: up to 500 at once with the codes shown for
 * copying, up to 10,000 in the background with a progress bar.
 */
@Named
@ViewScoped
public class CodesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CodeQueries codes;

  @Inject EventQueries eventQueries;

  @Inject CodeIssuance issuance;

  @Inject Revocations revocations;

  @Inject CodeGenerationJobs jobs;

  @Inject Console console;

  @Inject Clock clock;

  private String eventId;
  private String status;
  private String search;
  private PagedModel<AccessCode> model;
  private List<AccessCode> selected = new ArrayList<>();

  private String generateFor;
  private Integer count = 10;
  private String label;
  private List<String> generated = List.of();
  private String jobId;
  private Map<String, String> eventChoices;

  @PostConstruct
  void init() {
    console.identity();
    model =
        new PagedModel<>(
            () -> Math.min(codes.count(filter()), CodeQueries.COUNT_LIMIT),
            paging -> codes.find(filter(), paging),
            AccessCode::id);
  }

  /** Takes the {@code event} parameter as the event filter and generation target. */
  public void load() {
    if (eventId != null && eventId.isBlank()) {
      eventId = null;
    }
    generateFor = eventId;
  }

  private CodeFilter filter() {
    return new CodeFilter(
        eventId, CodeStatus.ofLabel(status == null ? "" : status).orElse(null), search);
  }

  /** Events to choose from: every event not archived, by title (read once per view). */
  public Map<String, String> getEventChoices() {
    if (eventChoices == null) {
      eventChoices = new java.util.LinkedHashMap<>();
      eventQueries.choices().forEach(choice -> eventChoices.put(choice.title(), choice.id()));
    }
    return eventChoices;
  }

  /** A code as tickets print it: {@code XXXX-XXXX-XXXX}. */
  public String display(String code) {
    return io.streamgate.common.codes.AccessCodeCodec.display(code);
  }

  public String status(AccessCode code) {
    return code.status(clock.instant());
  }

  /** Revoked and not yet expired: only such codes can be restored. */
  public boolean restorable(AccessCode code) {
    return code.revoked() && clock.instant().isBefore(code.expiresAt());
  }

  public void revoke(String id) {
    if (Pages.run(
        () -> revocations.revokeCodeWithId(id, console.actorWhoMayChange(), console.ip()))) {
      Pages.info("Code revoked: it no longer plays anywhere.");
    }
  }

  public void unrevoke(String id) {
    if (Pages.run(
        () -> revocations.restoreCodeWithId(id, console.actorWhoMayChange(), console.ip()))) {
      Pages.info("Code restored.");
    }
  }

  public void revokeSelected() {
    if (selected.isEmpty()) {
      Pages.error("Select the codes to revoke first.");
      return;
    }
    List<String> ids = selected.stream().map(AccessCode::id).toList();
    Integer revoked =
        Pages.result(
            () -> revocations.revokeCodesWithIds(ids, console.actorWhoMayChange(), console.ip()));
    if (revoked != null) {
      Pages.info(revoked + " of " + ids.size() + " selected codes revoked.");
      selected = new ArrayList<>();
    }
  }

  /** Generates now (up to 500, shown for copying) or starts a background job (up to 10,000). */
  public void generate() {
    if (generateFor == null || generateFor.isBlank()) {
      Pages.fieldError("generate-form:generate-event", "Choose an event.");
      return;
    }
    int wanted = count == null ? 0 : count;
    if (wanted < 1 || wanted > CodeGenerationJobs.MAX_CODES) {
      Pages.fieldError(
          "generate-form:generate-count",
          "Count must be between 1 and " + CodeGenerationJobs.MAX_CODES + ".");
      return;
    }
    jobId = null;
    generated = List.of();
    if (wanted <= Spec.MAX_BATCH_CODES) {
      List<AccessCode> created =
          Pages.result(
              () ->
                  issuance.generate(
                      generateFor, wanted, label, console.actorWhoMayChange(), console.ip()));
      if (created != null) {
        generated = created.stream().map(AccessCode::code).toList();
      }
      return;
    }
    Job job =
        Pages.result(
            () ->
                jobs.start(generateFor, wanted, label, console.actorWhoMayChange(), console.ip()));
    if (job != null) {
      jobId = job.id();
    }
  }

  public Job getJob() {
    return jobs.find(jobId).orElse(null);
  }

  public int getProgress() {
    Job job = getJob();
    return job == null ? 0 : job.percent();
  }

  public PagedModel<AccessCode> getModel() {
    return model;
  }

  public List<AccessCode> getSelected() {
    return selected;
  }

  public void setSelected(List<AccessCode> selected) {
    this.selected = selected == null ? new ArrayList<>() : selected;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId == null || eventId.isBlank() ? null : eventId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getGenerateFor() {
    return generateFor;
  }

  public void setGenerateFor(String generateFor) {
    this.generateFor = generateFor;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public List<String> getGenerated() {
    return generated;
  }

  public String getJobId() {
    return jobId;
  }
}
