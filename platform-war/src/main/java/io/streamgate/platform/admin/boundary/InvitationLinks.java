package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.clients.boundary.Clients;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The console link that carries an invitation's code, as the inviting browser sees the console. */
public final class InvitationLinks {

  static final String PAGE = "/admin/invitation.xhtml";

  private InvitationLinks() {}

  public static String url(HttpServletRequest request, Clients clients, String code) {
    return clients.baseUrl(request)
        + PAGE
        + "?code="
        + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }
}
