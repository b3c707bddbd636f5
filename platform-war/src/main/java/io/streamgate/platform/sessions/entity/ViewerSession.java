package io.streamgate.platform.sessions.entity;

import io.streamgate.common.ids.RandomIds;
import io.streamgate.platform.codes.entity.AccessCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The device that holds a code's single-device slot. There is at most one per code (a unique
 * constraint); a stale one is taken over in place rather than deleted and re-inserted.
 */
@Entity
@Table(name = "viewer_session")
@NamedQuery(
    name = ViewerSession.OF_CODE,
    query = "SELECT s FROM ViewerSession s WHERE s.accessCode = :code")
@NamedQuery(
    name = ViewerSession.BY_SESSION_ID,
    query = "SELECT s FROM ViewerSession s JOIN FETCH s.accessCode WHERE s.sessionId = :sid")
@NamedQuery(
    name = ViewerSession.HEARTBEAT,
    query = "UPDATE ViewerSession s SET s.lastHeartbeat = :now WHERE s.sessionId IN :sids")
@NamedQuery(
    name = ViewerSession.SESSION_IDS,
    query = "SELECT s.sessionId FROM ViewerSession s WHERE s.sessionId IN :sids")
@NamedQuery(
    name = ViewerSession.RELEASE,
    query = "DELETE FROM ViewerSession s WHERE s.sessionId = :sid")
@NamedQuery(
    name = ViewerSession.LIVE_OF_EVENT,
    query =
        "SELECT s FROM ViewerSession s JOIN FETCH s.accessCode c WHERE c.event.id = :eventId"
            + " AND s.lastHeartbeat > :since ORDER BY s.createdAt DESC")
@NamedQuery(
    name = ViewerSession.LIVE_COUNTS,
    query =
        "SELECT c.event.id, COUNT(s) FROM ViewerSession s JOIN s.accessCode c"
            + " WHERE s.lastHeartbeat > :since GROUP BY c.event.id")
@NamedQuery(
    name = ViewerSession.SILENT,
    query =
        "SELECT s FROM ViewerSession s JOIN FETCH s.accessCode WHERE s.endReported = FALSE"
            + " AND s.lastHeartbeat <= :silentSince AND s.lastHeartbeat > :notBefore")
@NamedQuery(
    name = ViewerSession.REPORT_END,
    query =
        "UPDATE ViewerSession s SET s.endReported = TRUE WHERE s.id = :id"
            + " AND s.endReported = FALSE AND s.lastHeartbeat <= :silentSince")
public class ViewerSession {

  /** Sessions silent for the timeout whose end was not reported, silent not too long. */
  public static final String SILENT = "ViewerSession.silent";

  /** Marks one silent session's end reported; one row updated means this caller reports it. */
  public static final String REPORT_END = "ViewerSession.reportEnd";

  public static final String LIVE_OF_EVENT = "ViewerSession.liveOfEvent";
  public static final String LIVE_COUNTS = "ViewerSession.liveCounts";

  public static final String OF_CODE = "ViewerSession.ofCode";
  public static final String BY_SESSION_ID = "ViewerSession.bySessionId";
  public static final String HEARTBEAT = "ViewerSession.heartbeat";
  public static final String SESSION_IDS = "ViewerSession.sessionIds";
  public static final String RELEASE = "ViewerSession.release";

  @Id
  @Column(length = 36)
  private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "access_code_id", nullable = false)
  private AccessCode accessCode;

  @Column(name = "session_id", nullable = false, length = 36)
  private String sessionId;

  @Column(name = "last_heartbeat", nullable = false)
  private Instant lastHeartbeat;

  @Column(name = "client_ip", nullable = false, length = 45)
  private String clientIp;

  @Column(name = "user_agent", length = 512)
  private String userAgent;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Whether its end by silence was reported (session.ended, timed_out). */
  @Column(name = "end_reported", nullable = false)
  private boolean endReported;

  protected ViewerSession() {}

  /** A new session holding the code's slot. */
  public ViewerSession(AccessCode accessCode, String clientIp, String userAgent, Instant now) {
    this.id = RandomIds.uuid();
    this.accessCode = accessCode;
    start(clientIp, userAgent, now);
  }

  /** Whether a heartbeat arrived within the timeout, so the slot is taken. */
  public boolean isLive(Instant now, Duration timeout) {
    return lastHeartbeat.isAfter(now.minus(timeout));
  }

  /** Hands the slot of a stale session to a new device, under a new session id. */
  public void takeOver(String clientIp, String userAgent, Instant now) {
    start(clientIp, userAgent, now);
  }

  private void start(String clientIp, String userAgent, Instant now) {
    this.sessionId = RandomIds.uuid();
    this.clientIp = clientIp;
    this.userAgent = userAgent == null ? null : truncate(userAgent, 512);
    this.lastHeartbeat = now;
    this.createdAt = now;
    this.endReported = false;
  }

  /** Whether its end by silence was reported (a take-over then reports nothing more). */
  public boolean endReported() {
    return endReported;
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  public String id() {
    return id;
  }

  public String clientIp() {
    return clientIp;
  }

  public String userAgent() {
    return userAgent;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastHeartbeat() {
    return lastHeartbeat;
  }

  public String sessionId() {
    return sessionId;
  }

  public AccessCode accessCode() {
    return accessCode;
  }
}
