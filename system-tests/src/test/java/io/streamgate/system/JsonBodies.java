package io.streamgate.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Reading JSON answers in tests. */
final class JsonBodies {

  private JsonBodies() {}

  static JsonObject parse(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** The health check of that name in a MicroProfile Health answer. */
  static Optional<JsonObject> check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> name.equals(check.getString("name")))
        .findFirst();
  }
}
