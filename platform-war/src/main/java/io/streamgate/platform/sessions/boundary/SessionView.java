package io.streamgate.platform.sessions.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.codes.boundary.CodeView;
import io.streamgate.platform.sessions.entity.TokenSharing;
import io.streamgate.platform.sessions.entity.ViewerSession;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A live viewer session as the admin API shows it; the code shows only its last four characters,
 * {@code sharing} is null unless a media server saw its token played by several clients at once.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "id",
  "code",
  "tokenId",
  "clientIp",
  "userAgent",
  "startedAt",
  "lastHeartbeat",
  "sharing"
})
public record SessionView(
    String id,
    String code,
    String tokenId,
    String clientIp,
    String userAgent,
    String startedAt,
    String lastHeartbeat,
    Sharing sharing) {

  public static SessionView of(ViewerSession session, Sharing sharing) {
    return new SessionView(
        session.id(),
        CodeView.maskedCode(session.accessCode().code()),
        session.accessCode().id(),
        session.clientIp(),
        session.userAgent(),
        text(session.createdAt()),
        text(session.lastHeartbeat()),
        sharing);
  }

  /** A session whose token was seen played by several clients: {@code ended} or {@code flagged}. */
  @JsonbNillable
  @JsonbPropertyOrder({"code", "action", "clients", "clientIp", "userAgent", "detectedAt"})
  public record Sharing(
      String code,
      String action,
      int clients,
      String clientIp,
      String userAgent,
      String detectedAt) {

    public static Sharing of(TokenSharing seen) {
      return new Sharing(
          "••••-••••-" + seen.codeHint(),
          seen.action().name().toLowerCase(Locale.ROOT),
          seen.clients(),
          seen.clientIp(),
          seen.userAgent(),
          seen.detectedAt().truncatedTo(ChronoUnit.MILLIS).toString());
    }
  }

  /** {@code {data: [sessions]}}. */
  public record SessionsData(List<SessionView> data) {}

  /** {@code {data: [sharing]}}. */
  public record SharingData(List<Sharing> data) {}
}
