package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.control.EventQueries;
import io.streamgate.platform.events.control.EventQueries.EventFilter;
import io.streamgate.platform.events.control.EventQueries.Listed;
import io.streamgate.platform.events.control.EventQueries.Shown;
import io.streamgate.platform.events.control.EventQueries.Sort;
import io.streamgate.platform.events.control.EventQueries.Timeframe;
import io.streamgate.platform.revocation.control.Revocations;
import io.streamgate.platform.web.boundary.PagedModel;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the events list: filters, a lazy table, and the row actions, each confirmed in the page and
 * checked against the role here.
 */
@Named
@ViewScoped
public class EventsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject EventQueries queries;

  @Inject EventAdministration events;

  @Inject Revocations revocations;

  @Inject Console console;

  private String shown = "current";
  private boolean showArchived;
  private String timeframe = "";
  private String search;
  private String sort = "startdate";
  private boolean descending = true;
  private PagedModel<Listed> model;

  private String deleteId;
  private String deleteTitle;
  private long deleteCodes;
  private String typedTitle;

  @PostConstruct
  void init() {
    model =
        new PagedModel<>(
            () -> queries.count(filter()),
            paging -> queries.list(filter(), paging).items(),
            listed -> listed.event().id());
  }

  private EventFilter filter() {
    Shown chosen = Shown.ofLabel(shown).orElse(Shown.CURRENT);
    if (showArchived && chosen == Shown.CURRENT) {
      chosen = Shown.ALL;
    }
    return new EventFilter(
        chosen,
        Timeframe.ofLabel(timeframe == null ? "" : timeframe).orElse(null),
        search,
        Sort.ofLabel(sort).orElse(Sort.STARTDATE),
        descending);
  }

  public void deactivate(String id) {
    if (Pages.run(
        () -> revocations.deactivateEvent(id, console.actorWhoMayChange(), console.ip()))) {
      Pages.info("Event deactivated: its codes no longer play.");
    }
  }

  public void reactivate(String id) {
    if (Pages.run(
        () -> revocations.reactivateEvent(id, console.actorWhoMayChange(), console.ip()))) {
      Pages.info("Event reactivated.");
    }
  }

  public void archive(String id, boolean archived) {
    if (Pages.run(() -> events.archive(id, archived, console.actorWhoMayChange(), console.ip()))) {
      Pages.info(archived ? "Event archived." : "Event brought back from the archive.");
    }
  }

  /** Step one of deleting: remember which event, show what goes with it. */
  public void askDelete(Listed listed) {
    deleteId = listed.event().id();
    deleteTitle = listed.event().title();
    deleteCodes = listed.codeCount();
    typedTitle = null;
  }

  /** Step two: delete once the exact title is typed. */
  public void confirmDelete() {
    if (Pages.run(
        () -> events.delete(deleteId, typedTitle, console.actorWhoMayChange(), console.ip()))) {
      Pages.info("Event deleted with its " + deleteCodes + " codes.");
      deleteId = null;
    }
  }

  public PagedModel<Listed> getModel() {
    return model;
  }

  public String getShown() {
    return shown;
  }

  public void setShown(String shown) {
    this.shown = shown;
  }

  public boolean isShowArchived() {
    return showArchived;
  }

  public void setShowArchived(boolean showArchived) {
    this.showArchived = showArchived;
  }

  public String getTimeframe() {
    return timeframe;
  }

  public void setTimeframe(String timeframe) {
    this.timeframe = timeframe;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public boolean isDescending() {
    return descending;
  }

  public void setDescending(boolean descending) {
    this.descending = descending;
  }

  public String getDeleteTitle() {
    return deleteTitle;
  }

  public long getDeleteCodes() {
    return deleteCodes;
  }

  public String getTypedTitle() {
    return typedTitle;
  }

  public void setTypedTitle(String typedTitle) {
    this.typedTitle = typedTitle;
  }
}
