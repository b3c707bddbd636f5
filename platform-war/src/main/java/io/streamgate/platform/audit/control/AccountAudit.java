package io.streamgate.platform.audit.control;

import io.streamgate.platform.admin.control.AccountActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Records what console users do to accounts, as the accounts component reports it. */
@ApplicationScoped
public class AccountAudit {

  @Inject AuditTrail audit;

  void record(@Observes AccountActivity activity) {
    audit.record(
        activity.actor(), activity.action(), activity.target(), activity.ip(), activity.details());
  }
}
