package io.streamgate.platform.codes.boundary;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.codes.control.CodeQueries.CodeFilter;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.codes.entity.CodeStatus;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Backs the printable ticket sheet: the event's unused codes, {@value #PER_SHEET} per sheet, each
 * with a QR code that opens the viewer portal with the code filled in.
 */
@Named
@RequestScoped
public class TicketsPage {

  static final int PER_SHEET = 200;

  @Inject EventAdministration events;

  @Inject CodeQueries codes;

  @Inject HttpServletRequest request;

  @Inject Clients clients;

  @Inject Console console;

  @Inject AuditTrail audit;

  private String eventId;
  private int sheet = 1;
  private Event event;
  private List<AccessCode> tickets = List.of();
  private long total;

  /** Loads one sheet for a logged-in console user, and notes in the audit log who printed it. */
  public void load() {
    String viewer = console.identity().username();
    event = Pages.result(() -> events.find(eventId));
    if (event == null) {
      return;
    }
    CodeFilter filter = new CodeFilter(event.id(), CodeStatus.UNUSED, null);
    total = codes.count(filter);
    tickets = codes.find(filter, new Paging(Math.max(1, sheet), PER_SHEET));
    audit.record(
        viewer,
        "ticket-sheet-view",
        event.id(),
        console.ip(),
        "sheet " + Math.max(1, sheet) + ", " + tickets.size() + " codes");
  }

  public String display(String code) {
    return AccessCodeCodec.display(code);
  }

  /** The QR code of the portal address with this code filled in. */
  public String qr(String code) {
    return QrSvg.of(
        portal() + "/?code=" + URLEncoder.encode(display(code), StandardCharsets.UTF_8));
  }

  private String portal() {
    return clients.baseUrl(request);
  }

  public long getSheets() {
    return (total + PER_SHEET - 1) / PER_SHEET;
  }

  public Event getEvent() {
    return event;
  }

  public List<AccessCode> getTickets() {
    return tickets;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  public int getSheet() {
    return sheet;
  }

  public void setSheet(int sheet) {
    this.sheet = sheet;
  }
}
