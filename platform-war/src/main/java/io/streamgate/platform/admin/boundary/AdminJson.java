package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin API's shapes: {@code {data: ...}} around the specification's event and token. */
public final class AdminJson {

  private AdminJson() {}

  public static Map<String, Object> data(Object data) {
    return Map.of("data", data);
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
    return json;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
