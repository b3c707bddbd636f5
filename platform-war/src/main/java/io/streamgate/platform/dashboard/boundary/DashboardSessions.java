package io.streamgate.platform.dashboard.boundary;

import io.streamgate.platform.dashboard.control.DashboardAudience;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The push key of a console session (see {@link DashboardAudience}): random, made on the session's
 * first dashboard, forgotten when the session is invalidated (logout) or times out.
 */
@WebListener
public class DashboardSessions implements HttpSessionListener {

  static final String KEY = DashboardSessions.class.getName() + ".key";

  @Inject DashboardAudience audience;

  static String keyOf(HttpSession session, SecureRandom random) {
    String key = (String) session.getAttribute(KEY);
    if (key == null) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(KEY, key);
    }
    return key;
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    Object key = event.getSession().getAttribute(KEY);
    if (key instanceof String ended) {
      audience.ended(ended);
    }
  }
}
