package io.streamgate.platform.events.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.events.control.EventCodes.StatusCounts;
import io.streamgate.platform.events.entity.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events as the admin API shows them: the specification's event, with its codes counted. */
public final class EventJson {

  private EventJson() {}

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
}
