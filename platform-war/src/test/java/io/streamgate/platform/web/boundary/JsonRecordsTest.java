package io.streamgate.platform.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamgate.common.Spec;
import io.streamgate.platform.admin.boundary.UserRequests;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.codes.boundary.CodeRequests;
import io.streamgate.platform.events.boundary.EventRequest;
import io.streamgate.platform.events.control.EventDraft;
import io.streamgate.platform.playback.boundary.PlaybackJson;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import io.streamgate.platform.revocation.boundary.AdminAccessResource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request records refuse a body exactly as the resources refused it when they read its fields one
 * by one with {@link JsonRequests}: the same first fault, the same status and message; and what
 * they accept reads the same.
 */
class JsonRecordsTest {

  private static final String TIMES =
      "\"startsAt\":\"2026-12-01T19:00:00Z\",\"endsAt\":\"2026-12-01T21:00+01:00\"";

  private static final List<String> BODIES =
      List.of(
          "",
          "   ",
          "null",
          "[]",
          "\"text\"",
          "{",
          "{\"a\":1} x",
          "{}",
          "{\"colour\":\"red\",\"title\":5}",
          "{\"title\":5,\"colour\":\"red\"}",
          "{\"title\":\"a\"," + TIMES + "}",
          "{\"title\":\"a\"," + TIMES + ",\"version\":\"x\"}",
          "{\"title\":\"a\"," + TIMES + ",\"version\":1.5}",
          "{\"title\":\"a\"," + TIMES + ",\"version\":1e40}",
          "{\"title\":\"a\"," + TIMES + ",\"version\":3}",
          "{\"title\":\" \"," + TIMES + ",\"accessWindowHours\":\"x\"}",
          "{\"title\":\" \"," + TIMES + ",\"accessWindowHours\":0}",
          "{\"title\":\"a\"," + TIMES + ",\"accessWindowHours\":9999999999}",
          "{\"title\":\"a\"," + TIMES + ",\"accessWindowHours\":null}",
          "{\"title\":null," + TIMES + "}",
          "{\"title\":[]," + TIMES + "}",
          "{\"title\":\"a\",\"startsAt\":\"2026-12-01T19:00:00Z\"}",
          "{\"title\":\"a\",\"endsAt\":\"2026-12-01T19:00:00Z\"}",
          "{\"title\":\"a\",\"startsAt\":null,\"endsAt\":5}",
          "{\"title\":\"\",\"startsAt\":5}",
          "{\"title\":\"a\",\"startsAt\":\"tomorrow\",\"endsAt\":5}",
          "{\"title\":\"a\",\"startsAt\":\"2026-12-01T19:00:00\"}",
          "{\"title\":\"a\",\"startsAt\":\"2026-12-02T19:00:00Z\",\"endsAt\":\"2026-12-01T19:00Z\"}",
          "{\"title\":\"a\",\"streamUrl\":\"ftp://x\",\"description\":7," + TIMES + "}",
          "{\"title\":\"a\",\"streamUrl\":\"ftp://x\"," + TIMES + "}",
          "{\"version\":\"x\",\"title\":5}",
          "{\"title\":\"a\",\"title\":5," + TIMES + "}",
          "{\"username\":\" ann \",\"password\":\"secret\",\"role\":\"Admin\"}",
          "{\"username\":\"ann\",\"password\":\"secret\",\"role\":\"boss\"}",
          "{\"username\":\"ann\",\"password\":\"secret\",\"role\":\"ADMİN\"}",
          "{\"username\":\"ann\",\"password\":\"secret\"}",
          "{\"username\":null,\"password\":\"secret\"}",
          "{\"username\":5,\"password\":null}",
          "{\"password\":\"secret\"}",
          "{\"password\":7}",
          "{\"password\":\"secret\",\"role\":5}",
          "{\"role\":\"boss\",\"isActive\":\"yes\"}",
          "{\"role\":\"operator\",\"isActive\":\"yes\"}",
          "{\"isActive\":false,\"password\":[],\"version\":\"1\"}",
          "{\"isActive\":true,\"password\":\"x\",\"version\":12}",
          "{\"role\":null,\"isActive\":null,\"password\":null,\"version\":null}",
          "{\"count\":5,\"label\":\"VIP\"}",
          "{\"count\":\"5\",\"label\":7}",
          "{\"count\":5.5}",
          "{\"count\":3000000000}",
          "{\"label\":7}",
          "{\"tokenIds\":[\"a\",\"b\"]}",
          "{\"tokenIds\":[]}",
          "{\"tokenIds\":[1]}",
          "{\"tokenIds\":[\"a\",null]}",
          "{\"tokenIds\":\"a\"}",
          "{\"tokenIds\":null}",
          "{\"tokenIds\":{}}",
          "{\"tokenIds\":[" + "1,".repeat(1000) + "1]}",
          "{\"tokenIds\":[" + "\"a\",".repeat(1000) + "\"a\"]}",
          "{\"code\":\"ABCD-EFGH-JKLM\"}",
          "{\"code\":null}",
          "{\"code\":42}",
          "{\"token\":\"eyJ\"}",
          "{\"token\":false}",
          "{\"token\":\"eyJ\",\"code\":\"x\"}",
          "{\"a\":{\"b\":[1,2,{\"c\":null}]}}");

  /** One way of reading a body, before and now. */
  private record Kind(
      String name, Function<String, Object> former, Function<String, Object> records) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Kind> KINDS =
      List.of(
          new Kind("event create", JsonRecordsTest::formerCreate, JsonRecordsTest::createNow),
          new Kind("event replace", JsonRecordsTest::formerUpdate, JsonRecordsTest::updateNow),
          new Kind("user create", JsonRecordsTest::formerNewUser, JsonRecordsTest::newUserNow),
          new Kind("user change", JsonRecordsTest::formerChange, JsonRecordsTest::changeNow),
          new Kind("login", JsonRecordsTest::formerLogin, JsonRecordsTest::loginNow),
          new Kind("generate", JsonRecordsTest::formerGenerate, JsonRecordsTest::generateNow),
          new Kind("bulk revoke", JsonRecordsTest::formerBulk, JsonRecordsTest::bulkNow),
          new Kind("redeem", JsonRecordsTest::formerCode, JsonRecordsTest::codeNow),
          new Kind("release", JsonRecordsTest::formerToken, JsonRecordsTest::tokenNow));

  static Stream<Arguments> cases() {
    return KINDS.stream().flatMap(kind -> BODIES.stream().map(body -> Arguments.of(kind, body)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void bodiesAreReadAndRefusedAsBefore(Kind kind, String body) {
    assertEquals(
        answer(() -> kind.former().apply(body)), answer(() -> kind.records().apply(body)), body);
  }

  /** What the API answers: the values read, or the refusal's status and message. */
  private static String answer(Supplier<Object> reading) {
    try {
      return "read " + reading.get();
    } catch (RequestRefusedException refusal) {
      return refusal.status() + " " + refusal.getMessage();
    } catch (ConstraintViolationException violation) {
      return "400 " + ViolationMapper.message(violation);
    }
  }

  private static <R extends Record> R read(String body, Class<R> type, String... ignored) {
    return JsonRecords.read(body, type, Set.of(ignored), JsonRecords::validate);
  }

  // Events: before, AdminEventsResource read version (on replace) and then the draft's fields.

  private static final Set<String> EVENT_FIELDS =
      Set.of(
          "title",
          "description",
          "streamUrl",
          "posterUrl",
          "startsAt",
          "endsAt",
          "accessWindowHours",
          "version");

  private static Object formerUpdate(String body) {
    JsonObject fields = JsonRequests.object(body, EVENT_FIELDS);
    Long version = JsonRequests.optionalLong(fields, "version");
    return List.of(String.valueOf(version), formerDraft(fields));
  }

  private static Object updateNow(String body) {
    EventRequest fields = read(body, EventRequest.class);
    return List.of(String.valueOf(fields.version()), fields.draft());
  }

  private static Object formerCreate(String body) {
    return formerDraft(JsonRequests.object(body, EVENT_FIELDS));
  }

  private static Object createNow(String body) {
    return read(body, EventRequest.class, "version").draft();
  }

  private static EventDraft formerDraft(JsonObject fields) {
    return new EventDraft(
        JsonRequests.optionalString(fields, "title"),
        JsonRequests.optionalString(fields, "description"),
        JsonRequests.optionalString(fields, "streamUrl"),
        JsonRequests.optionalString(fields, "entryPlaylist"),
        JsonRequests.optionalString(fields, "posterUrl"),
        JsonRequests.instant(fields, "startsAt"),
        JsonRequests.instant(fields, "endsAt"),
        JsonRequests.integer(fields, "accessWindowHours", Spec.ACCESS_WINDOW_DEFAULT_HOURS),
        JsonRequests.optionalBoolean(fields, "listed"),
        null);
  }

  // Console users and login: AdminUsersResource, AdminSessionsResource.

  private static Role role(String label) {
    return Role.ofLabel(label)
        .orElseThrow(() -> new BadRequestException("Role must be super_admin, admin or operator."));
  }

  private static Object formerNewUser(String body) {
    JsonObject fields = JsonRequests.object(body, Set.of("username", "password", "role"));
    return List.of(
        JsonRequests.string(fields, "username"),
        JsonRequests.string(fields, "password"),
        role(JsonRequests.string(fields, "role")));
  }

  private static Object newUserNow(String body) {
    UserRequests.NewUser fields = read(body, UserRequests.NewUser.class);
    return List.of(fields.username(), fields.password(), Role.ofLabel(fields.role()).orElseThrow());
  }

  private static Object formerChange(String body) {
    JsonObject fields =
        JsonRequests.object(body, Set.of("role", "isActive", "password", "version"));
    String role = JsonRequests.optionalString(fields, "role");
    List<Object> change = new ArrayList<>();
    change.add(role == null ? null : role(role));
    change.add(JsonRequests.optionalBoolean(fields, "isActive"));
    change.add(JsonRequests.optionalString(fields, "password"));
    change.add(JsonRequests.optionalLong(fields, "version"));
    return change;
  }

  private static Object changeNow(String body) {
    UserRequests.Change fields = read(body, UserRequests.Change.class);
    List<Object> change = new ArrayList<>();
    change.add(fields.role() == null ? null : Role.ofLabel(fields.role()).orElseThrow());
    change.add(fields.isActive());
    change.add(fields.password());
    change.add(fields.version());
    return change;
  }

  private static Object formerLogin(String body) {
    JsonObject fields = JsonRequests.object(body, Set.of("username", "password"));
    String username =
        fields.containsKey("username") ? JsonRequests.string(fields, "username").trim() : "admin";
    return List.of(username, JsonRequests.string(fields, "password"));
  }

  private static Object loginNow(String body) {
    UserRequests.Login fields = JsonRecords.read(body, UserRequests.Login.class);
    return List.of(fields.username(), fields.password());
  }

  // Codes: CodeGenerationResource, AdminAccessResource's bulk revocation.

  private static Object formerGenerate(String body) {
    JsonObject fields = JsonRequests.object(body, Set.of("count", "label"));
    int count = JsonRequests.integer(fields, "count", 0);
    return List.of(count, String.valueOf(JsonRequests.optionalString(fields, "label")));
  }

  private static Object generateNow(String body) {
    CodeRequests.Generate fields = read(body, CodeRequests.Generate.class);
    return List.of(fields.count() == null ? 0 : fields.count(), String.valueOf(fields.label()));
  }

  private static Object formerBulk(String body) {
    JsonValue value = JsonRequests.object(body, Set.of("tokenIds")).get("tokenIds");
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new BadRequestException("Field tokenIds must be a list of code ids.");
    }
    JsonArray array = value.asJsonArray();
    if (array.isEmpty() || array.size() > 1000) {
      throw new BadRequestException("Field tokenIds must hold 1 to 1000 ids.");
    }
    List<String> ids = new ArrayList<>(array.size());
    for (JsonValue id : array) {
      if (id.getValueType() != JsonValue.ValueType.STRING) {
        throw new BadRequestException("Field tokenIds must be a list of code ids.");
      }
      ids.add(((JsonString) id).getString());
    }
    return ids;
  }

  private static Object bulkNow(String body) {
    return read(body, AdminAccessResource.BulkRevoke.class).tokenIds();
  }

  // Viewers: RedemptionResource, PlaybackResource's release.

  private static Object formerCode(String body) {
    return JsonRequests.string(JsonRequests.object(body, Set.of("code")), "code");
  }

  private static Object codeNow(String body) {
    return read(body, PlaybackJson.CodeRequest.class).code();
  }

  private static Object formerToken(String body) {
    return JsonRequests.string(JsonRequests.object(body, Set.of("token")), "token");
  }

  private static Object tokenNow(String body) {
    return JsonRecords.read(body, PlaybackJson.TokenRequest.class).token();
  }
}
