package io.streamgate.platform.console.boundary;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.tickets.control.Attendees;
import io.streamgate.platform.tickets.entity.Attendee;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs an event's attendees page: upload a list (the page's script posts the file to the API),
 * send to one more attendee, see where each message stands (queued, sent, failed with the SMTP
 * server's answer) and send one again.
 */
@Named
@ViewScoped
public class AttendeesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int PER_PAGE = 100;

  @Inject Attendees attendees;

  @Inject EventAdministration events;

  @Inject Console console;

  @Inject Clients clients;

  @Inject HttpServletRequest request;

  private String eventId;

  /** The event's title once it was found; null when it was not. */
  private String title;

  private String status = "";
  private int page = 1;
  private String email;
  private String name;
  private String label;
  private String timeZone;

  /** Finds the event (f:viewAction). */
  public void load() {
    console.identity();
    Event event = Pages.result(() -> events.find(eventId));
    title = event == null ? null : event.title();
  }

  /** Where the links in the e-mails lead. */
  public String getPortal() {
    return attendees.portalFor(clients.baseUrl(request));
  }

  public boolean isMailSetUp() {
    return attendees.canSend();
  }

  /** This page of the event's attendees, with the status chosen (the last page when fewer). */
  public List<Attendee> getAttendees() {
    return listed().items();
  }

  private transient Map<String, Long> counts;

  /** How many are queued, sent and failed, by the status's label (once per request). */
  public Map<String, Long> getCounts() {
    if (counts == null) {
      counts = new HashMap<>();
      if (title != null) {
        attendees.counts(eventId).forEach((status, count) -> counts.put(status.label(), count));
      }
    }
    return counts;
  }

  public long getPages() {
    return Math.max(1, listed().totalPages());
  }

  private transient Paging.Page<Attendee> listed;

  private Paging.Page<Attendee> listed() {
    if (listed == null) {
      listed =
          title == null
              ? new Paging.Page<>(List.of(), 0, new Paging(1, PER_PAGE))
              : attendees.list(eventId, statuses(), new Paging(Math.max(1, page), PER_PAGE));
      if (page > 1 && listed.items().isEmpty() && listed.totalPages() < page) {
        page = (int) Math.max(1, listed.totalPages());
        listed = attendees.list(eventId, statuses(), new Paging(page, PER_PAGE));
      }
    }
    return listed;
  }

  private transient Map<String, String> codes;

  /** The attendee's code as typed. */
  public String code(Attendee attendee) {
    if (codes == null) {
      codes = attendees.codesOf(getAttendees());
    }
    String code = codes.get(attendee.codeId());
    return code == null ? "" : AccessCodeCodec.display(code);
  }

  private EnumSet<Attendee.Status> statuses() {
    for (Attendee.Status one : Attendee.Status.values()) {
      if (one.label().equals(status)) {
        return EnumSet.of(one);
      }
    }
    return EnumSet.allOf(Attendee.Status.class);
  }

  public void refresh() {
    listed = null;
    codes = null;
    counts = null;
  }

  public void next() {
    page = (int) Math.min(page + 1, getPages());
    refresh();
  }

  public void previous() {
    page = Math.max(1, page - 1);
    refresh();
  }

  public void filter() {
    page = 1;
    refresh();
  }

  public void addOne() {
    String actor = console.actorWhoMayChange();
    Attendee added =
        Pages.result(
            () ->
                attendees.addOne(
                    eventId,
                    new Attendees.Entry(email, name, label, timeZone),
                    clients.baseUrl(request),
                    actor,
                    console.ip()));
    if (added != null) {
      Pages.info("The ticket for " + added.email() + " is queued.");
      email = null;
      name = null;
      label = null;
      timeZone = null;
      refresh();
    }
  }

  public void resend(Attendee attendee) {
    String actor = console.actorWhoMayChange();
    if (Pages.run(() -> attendees.resend(eventId, attendee.id(), actor, console.ip()))) {
      Pages.info("The ticket for " + attendee.email() + " will be sent again.");
      refresh();
    }
  }

  public String getTitle() {
    return title;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null ? "" : status;
  }

  public int getPage() {
    return page;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }
}
