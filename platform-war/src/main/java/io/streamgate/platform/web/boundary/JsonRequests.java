package io.streamgate.platform.web.boundary;

import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Strict reading of small JSON request bodies: an object, known fields only, typed values. */
public final class JsonRequests {

  /**
   * One factory for all requests: {@code Json.createReader} looks the JSON provider up through the
   * ServiceLoader on every call, a class-path scan that costs more than the request itself.
   */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  /** The refusal of a body that is not a JSON object, or of none. */
  public static final String NOT_AN_OBJECT = "Request body must be a JSON object.";

  private JsonRequests() {}

  /** The body as a JSON object whose fields are all among {@code allowed}. */
  public static JsonObject object(String body, Set<String> allowed) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException(NOT_AN_OBJECT);
    }
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (RuntimeException unreadable) {
      // JsonException for broken JSON; Parsson refuses some input with other exceptions too:
      // nesting over 1,000 deep (a plain RuntimeException), numbers it cannot hold
      // (NumberFormatException for exponents or scales out of range, UnsupportedOperationException
      // past 1,100 digits).
      throw new BadRequestException("Request body is not valid JSON.");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequestException(NOT_AN_OBJECT);
    }
    JsonObject object = value.asJsonObject();
    for (String field : object.keySet()) {
      if (!allowed.contains(field)) {
        throw new BadRequestException("Unknown field: " + truncate(field) + ".");
      }
    }
    return object;
  }

  /** A required string field. */
  public static String string(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new BadRequestException("Missing field: " + field + ".");
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new BadRequestException("Field " + field + " must be a string.");
    }
    return ((JsonString) value).getString();
  }

  /** An optional string field: absent or null gives null. */
  public static String optionalString(JsonObject object, String field) {
    JsonValue value = object.get(field);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : string(object, field);
  }

  /** A required ISO 8601 time with an offset, such as {@code 2026-12-01T19:00:00Z}. */
  public static Instant instant(JsonObject object, String field) {
    String text = string(object, field);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "Field "
              + field
              + " must be an ISO 8601 time with an offset, such as 2026-12-01T19:00:00Z.");
    }
  }

  /** An optional whole-number field. */
  public static int integer(JsonObject object, String field, int absent) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
      throw new BadRequestException("Field " + field + " must be a whole number.");
    }
    try {
      return ((JsonNumber) value).intValueExact();
    } catch (ArithmeticException e) {
      throw new BadRequestException("Field " + field + " is out of range.");
    }
  }

  /** An optional whole number of any size: absent or null gives null. */
  public static Long optionalLong(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
      throw new BadRequestException("Field " + field + " must be a whole number.");
    }
    try {
      return ((JsonNumber) value).longValueExact();
    } catch (ArithmeticException e) {
      throw new BadRequestException("Field " + field + " is out of range.");
    }
  }

  /** An optional true or false: absent or null gives null. */
  public static Boolean optionalBoolean(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.TRUE
        && value.getValueType() != JsonValue.ValueType.FALSE) {
      throw new BadRequestException("Field " + field + " must be true or false.");
    }
    return value.getValueType() == JsonValue.ValueType.TRUE;
  }

  private static String truncate(String field) {
    return field.length() <= 40 ? field : field.substring(0, 40) + "...";
  }
}
