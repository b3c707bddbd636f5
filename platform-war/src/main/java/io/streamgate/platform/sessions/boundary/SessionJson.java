package io.streamgate.platform.sessions.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.codes.boundary.CodeView;
import io.streamgate.platform.sessions.entity.ViewerSession;
import java.util.LinkedHashMap;
import java.util.Map;

/** Viewer sessions as the admin API shows them. */
public final class SessionJson {

  private SessionJson() {}

  /** A viewer session; the code shows only its last four characters. */
  public static Map<String, Object> viewerSession(ViewerSession session) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", session.id());
    json.put("code", CodeView.maskedCode(session.accessCode().code()));
    json.put("tokenId", session.accessCode().id());
    json.put("clientIp", session.clientIp());
    json.put("userAgent", session.userAgent());
    json.put("startedAt", text(session.createdAt()));
    json.put("lastHeartbeat", text(session.lastHeartbeat()));
    return json;
  }
}
