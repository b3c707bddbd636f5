package io.streamgate.platform.dashboard.control;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who receives the dashboard's live viewer counts: one random push key per console session, given
 * to that session's dashboard as its channel's user. A push goes only to the keys of sessions that
 * are still open and whose user is still active, so a logged-out or deactivated user's socket hears
 * nothing more, and a key seen once is worth nothing after its session ended. Each platform member
 * knows the console sessions it holds.
 */
@ApplicationScoped
public class DashboardAudience {

  private final Map<String, AdminIdentity> sessions = new ConcurrentHashMap<>();

  @Inject AdminAccounts accounts;

  /** A console session's dashboard is open for this user under this key. */
  public void listening(String key, AdminIdentity user) {
    sessions.put(key, user);
  }

  /** The console session with this key ended (logout, timeout). */
  public void ended(String key) {
    sessions.remove(key);
  }

  /** The keys to push to now: open sessions of users who are still active. */
  public Set<String> current() {
    return sessions.entrySet().stream()
        .filter(entry -> accounts.current(entry.getValue()).isPresent())
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
