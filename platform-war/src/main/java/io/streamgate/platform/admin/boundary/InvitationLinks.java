package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.clients.boundary.Clients;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The console link that carries an invitation's code, as the inviting browser sees the console. */
public final class InvitationLinks {

  static final String PAGE = "/admin/invitation.xhtml";

  private InvitationLinks() {}

  public static String url(HttpServletRequest request, Clients clients, String code) {
    URI base =
        URI.create(
            request.getScheme()
                + "://"
                + request.getServerName()
                + ":"
                + request.getServerPort()
                + request.getContextPath());
    return clients.asSeenByBrowser(request, base)
        + PAGE
        + "?code="
        + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }
}
