package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Codes a ticket shop already printed, imported through {@code POST
 * /api/admin/events/{id}/tokens/import} on the shared instance: they redeem as typed; repeats,
 * codes that exist, bad codes, formula cells, another encoding and a endless line are refused by
 * row with nothing stored.
 */
@ExtendWith(StreamGateExtension.class)
class CodeImportIT {

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static AdminApi admin;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    admin = new AdminApi(shared).loggedIn();
  }

  @Test
  void printedCodesAreImportedWithLabelsAndRedeemAsTyped() throws Exception {
    String event = fixtures.liveEvent();
    List<String> codes = fresh(3);
    String csv =
        "\uFEFFlabel,Code,seat\n"
            + "front row,"
            + dashed(codes.get(0)).toLowerCase()
            + ",A1\n"
            + "\n"
            + ","
            + codes.get(1)
            + ",A2\n"
            + "\"balcony, left\", "
            + spaced(codes.get(2))
            + " ,A3\n";
    JsonObject imported = admin.json(201, importCsv(event, csv)).getJsonObject("data");
    assertEquals(3, imported.getInt("imported"));
    assertEquals(3, fixtures.codesOfEvent(event));
    assertEquals(
        "front row|",
        fixtures.rows("SELECT label FROM access_code WHERE code = ?", codes.get(0)).strip());
    assertEquals(
        "balcony, left|",
        fixtures.rows("SELECT label FROM access_code WHERE code = ?", codes.get(2)).strip());
    assertEquals(200, new ViewerApi(streamGate).redeem(dashed(codes.get(0))).statusCode());
    assertEquals(1, fixtures.auditEntries("codes-import", "event:" + event), "audited");
  }

  @Test
  void jsonTakesCodesOrObjects() throws Exception {
    String event = fixtures.liveEvent();
    List<String> codes = fresh(2);
    String json =
        "{\"codes\":[\""
            + codes.get(0)
            + "\",{\"code\":\""
            + codes.get(1)
            + "\",\"label\":\"VIP\"}]}";
    HttpResponse<String> answer =
        admin.post(
            "/api/admin/events/" + event + "/tokens/import",
            "application/json",
            json.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, admin.json(201, answer).getJsonObject("data").getInt("imported"));
    assertEquals(2, fixtures.codesOfEvent(event));
  }

  @Test
  void repeatsExistingAndBadCodesAreReportedByRowAndNothingIsStored() throws Exception {
    String event = fixtures.liveEvent();
    String existing = fixtures.code(fixtures.liveEvent());
    List<String> codes = fresh(3);
    String csv =
        codes.get(0)
            + "\n"
            + codes.get(1)
            + "\n"
            + dashed(codes.get(0))
            + "\n"
            + existing
            + "\n"
            + "ABC0O1IL2345\n"
            + codes.get(2)
            + ",=HYPERLINK(\"http://evil.example\")\n";
    HttpResponse<String> answer = importCsv(event, csv);
    JsonObject refused = admin.json(400, answer);
    assertEquals("4 problems found; nothing was imported.", refused.getString("error"));
    assertEquals(
        List.of(
            "Line 3: repeats the code of line 1.",
            "Line 5: not an access code (12 characters of "
                + ALPHABET
                + "; spaces and dashes are ignored).",
            "Line 6: a cell starts with '=', which a spreadsheet would run as a formula.",
            "Line 4: this code exists already."),
        refused.getJsonArray("problems").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals(0, fixtures.codesOfEvent(event), "nothing stored");

    // The same file as a preview: the first rows and the problems, nothing stored.
    HttpResponse<String> preview =
        admin.post(
            "/api/admin/events/" + event + "/tokens/import?preview=true",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8));
    JsonObject previewed = admin.json(200, preview).getJsonObject("data");
    assertEquals(4, previewed.getInt("problemCount"));
    assertEquals(codes.get(0), previewed.getJsonArray("first").getJsonObject(0).getString("code"));
    assertEquals(0, fixtures.codesOfEvent(event));
  }

  @Test
  void anotherEncodingOrAnEndlessLineIsRefusedWithAClearMessage() throws Exception {
    String event = fixtures.liveEvent();
    String latin1 = fresh(1).get(0) + ",Café Müller\n";
    JsonObject wrongEncoding =
        admin.json(
            400,
            admin.post(
                "/api/admin/events/" + event + "/tokens/import",
                "text/csv",
                latin1.getBytes(StandardCharsets.ISO_8859_1)));
    assertTrue(
        wrongEncoding.getJsonArray("problems").getString(0).contains("not UTF-8"),
        wrongEncoding.toString());

    byte[] oneLine = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(oneLine, (byte) 'A');
    JsonObject endless =
        admin.json(
            400, admin.post("/api/admin/events/" + event + "/tokens/import", "text/csv", oneLine));
    assertTrue(
        endless.getJsonArray("problems").getString(0).contains("longer than 1024 characters"),
        endless.toString());
    assertEquals(0, fixtures.codesOfEvent(event));
  }

  private static HttpResponse<String> importCsv(String event, String csv) {
    return admin.post(
        "/api/admin/events/" + event + "/tokens/import",
        "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  /** Codes of the alphabet nobody stored (60 random bits each). */
  static List<String> fresh(int count) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder code = new StringBuilder();
      for (int j = 0; j < 12; j++) {
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** The code as tickets print it. */
  static String dashed(String code) {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }

  private static String spaced(String code) {
    return code.substring(0, 6) + " " + code.substring(6);
  }
}
