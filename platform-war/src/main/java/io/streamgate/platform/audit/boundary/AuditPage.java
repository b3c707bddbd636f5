package io.streamgate.platform.audit.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.audit.control.AuditLog;
import io.streamgate.platform.audit.control.AuditLog.AuditFilter;
import io.streamgate.platform.audit.entity.AuditEntry;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.web.boundary.Format;
import io.streamgate.platform.web.boundary.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;

/** Backs the audit log page (super admins only): a read-only, filterable lazy table. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditLog log;

  @Inject Console console;

  private String actor;
  private String action;
  private LocalDateTime from;
  private LocalDateTime to;
  private PagedModel<AuditEntry> model;

  @PostConstruct
  void init() {
    model =
        new PagedModel<>(
            () -> log.list(filter(), new Paging(1, 1)).total(),
            paging -> log.list(filter(), paging).items(),
            AuditEntry::id);
  }

  /** Refuses the page to anyone but a super admin (f:viewAction). */
  public String check() {
    return console.isSuperAdmin() ? null : "/admin/index.xhtml?faces-redirect=true";
  }

  private AuditFilter filter() {
    console.superAdmin();
    return new AuditFilter(actor, action, Format.instant(from), Format.instant(to));
  }

  public PagedModel<AuditEntry> getModel() {
    return model;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }
}
