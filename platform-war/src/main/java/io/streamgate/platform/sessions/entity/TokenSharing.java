package io.streamgate.platform.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A viewer session whose token a media server saw played by more than one client at once, and what
 * was done about it. Keyed by the session id, so a report is acted on once however many platform
 * members hear it.
 */
@Entity
@Table(name = "token_sharing")
@NamedQuery(
    name = TokenSharing.OF_EVENT,
    query =
        "SELECT t FROM TokenSharing t WHERE t.eventId = :eventId AND t.detectedAt > :since"
            + " ORDER BY t.detectedAt DESC")
public class TokenSharing {

  public static final String OF_EVENT = "TokenSharing.ofEvent";

  /** What was done. */
  public enum Action {
    ENDED,
    FLAGGED
  }

  @Id
  @Column(name = "session_id", length = 36)
  private String sessionId;

  @Column(name = "event_id", nullable = false, length = 36)
  private String eventId;

  /** The last four characters of the code, as the viewers list shows it. */
  @Column(name = "code_hint", nullable = false, length = 4)
  private String codeHint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Action action;

  @Column(nullable = false)
  private int clients;

  @Column(name = "client_ip", length = 45)
  private String clientIp;

  @Column(name = "user_agent", length = 512)
  private String userAgent;

  @Column(name = "detected_at", nullable = false)
  private Instant detectedAt;

  protected TokenSharing() {}

  /** What became of {@code session} when its token was seen on {@code clients} clients at once. */
  public TokenSharing(ViewerSession session, Action action, int clients, Instant now) {
    String code = session.accessCode().code();
    this.sessionId = session.sessionId();
    this.eventId = session.accessCode().event().id();
    this.codeHint = code.substring(code.length() - 4);
    this.action = action;
    this.clients = clients;
    this.clientIp = session.clientIp();
    this.userAgent = session.userAgent();
    this.detectedAt = now;
  }

  public String sessionId() {
    return sessionId;
  }

  public String eventId() {
    return eventId;
  }

  public String codeHint() {
    return codeHint;
  }

  public Action action() {
    return action;
  }

  public boolean ended() {
    return action == Action.ENDED;
  }

  public int clients() {
    return clients;
  }

  public String clientIp() {
    return clientIp;
  }

  public String userAgent() {
    return userAgent;
  }

  public Instant detectedAt() {
    return detectedAt;
  }
}
