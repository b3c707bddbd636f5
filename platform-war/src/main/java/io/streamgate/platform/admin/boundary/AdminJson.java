package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.audit.entity.AuditEntry;
import io.streamgate.platform.codes.control.CodeQueries.StatusCounts;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.paging.control.Paging.Page;
import io.streamgate.platform.sessions.entity.ViewerSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The admin API's shapes: {@code {data: ...}} around the specification's event and token. */
public final class AdminJson {

  private AdminJson() {}

  public static Map<String, Object> data(Object data) {
    return Map.of("data", data);
  }

  /**
   * {@code {data: [...], pagination: {page, limit, total, totalPages, totalIsExact}}}; an inexact
   * total means "at least".
   */
  public static <T> Map<String, Object> page(Page<T> page, Function<T, Object> item) {
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("page", page.paging().page());
    pagination.put("limit", page.paging().limit());
    pagination.put("total", page.total());
    pagination.put("totalPages", page.totalPages());
    pagination.put("totalIsExact", page.exact());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data", page.items().stream().map(item).toList());
    json.put("pagination", pagination);
    return json;
  }

  public static Map<String, Object> token(AccessCode code, Instant now) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("id", code.id());
    token.put("code", code.code());
    token.put("eventId", code.event().id());
    token.put("label", code.label());
    token.put("status", code.status(now));
    token.put("isRevoked", code.revoked());
    token.put("revokedAt", text(code.revokedAt()));
    token.put("redeemedAt", text(code.redeemedAt()));
    token.put("expiresAt", text(code.expiresAt()));
    return token;
  }

  /** A token in a list, with the title of its event. */
  public static Map<String, Object> listedToken(AccessCode code, Instant now) {
    Map<String, Object> token = token(code, now);
    token.put("eventTitle", code.event().title());
    return token;
  }

  public static Map<String, Object> event(Event event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", event.id());
    json.put("title", event.title());
    json.put("description", event.description());
    json.put("streamUrl", event.streamUrl());
    json.put("posterUrl", event.posterUrl());
    json.put("startsAt", text(event.startsAt()));
    json.put("endsAt", text(event.endsAt()));
    json.put("accessWindowHours", event.accessWindowHours());
    json.put("isActive", event.active());
    json.put("isArchived", event.archived());
    json.put("createdAt", text(event.createdAt()));
    json.put("updatedAt", text(event.updatedAt()));
    json.put("version", event.version());
    return json;
  }

  /** An event in a list, with its code count. */
  public static Map<String, Object> listedEvent(Event event, long tokenCount) {
    Map<String, Object> json = event(event);
    json.put("tokenCount", tokenCount);
    return json;
  }

  /** An event on its own, with its codes counted by status. */
  public static Map<String, Object> eventDetail(Event event, StatusCounts counts) {
    Map<String, Object> json = listedEvent(event, counts.total());
    json.put("tokenBreakdown", breakdown(counts));
    return json;
  }

  public static Map<String, Object> breakdown(StatusCounts counts) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("unused", counts.unused());
    json.put("redeemed", counts.redeemed());
    json.put("expired", counts.expired());
    json.put("revoked", counts.revoked());
    return json;
  }

  public static Map<String, Object> user(AdminUser user) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id());
    json.put("username", user.username());
    json.put("role", user.role().label());
    json.put("isActive", user.active());
    json.put("createdAt", text(user.createdAt()));
    json.put("lastLoginAt", text(user.lastLoginAt()));
    json.put("version", user.version());
    return json;
  }

  /** A viewer session; the code shows only its last four characters. */
  public static Map<String, Object> viewerSession(ViewerSession session) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", session.id());
    json.put("code", maskedCode(session.accessCode().code()));
    json.put("tokenId", session.accessCode().id());
    json.put("clientIp", session.clientIp());
    json.put("userAgent", session.userAgent());
    json.put("startedAt", text(session.createdAt()));
    json.put("lastHeartbeat", text(session.lastHeartbeat()));
    return json;
  }

  public static Map<String, Object> auditEntry(AuditEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", text(entry.at()));
    json.put("actor", entry.actor());
    json.put("action", entry.action());
    json.put("target", entry.target());
    json.put("ip", entry.ip());
    json.put("details", entry.details());
    return json;
  }

  /** {@code ••••-••••-WXYZ}: enough for a viewer to recognise their code, not to use it. */
  public static String maskedCode(String code) {
    return "••••-••••-" + code.substring(code.length() - 4);
  }

  /**
   * ISO 8601 to the millisecond: what was just saved reads back the same, although the databases
   * keep microseconds and the clock has nanoseconds.
   */
  private static String text(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
