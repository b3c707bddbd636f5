package io.streamgate.platform.tickets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.csv.control.CsvRows;
import io.streamgate.platform.settings.entity.MailAddresses;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an attendee list, an address and a ticket message look like to the people who get them. */
class TicketMailTest {

  @Test
  void oneAddressIsAnAddressAndNothingElseIs() {
    assertEquals(
        "ana@example.org",
        MailAddresses.parse(" Ana <ana@example.org> ").orElseThrow().getAddress());
    for (String wrong :
        new String[] {
          "",
          "ana",
          "ana@",
          "@example.org",
          "ana@localhost",
          "ana@example.org, bob@example.org",
          "ana@example.org\r\nBcc: eve@example.org",
          "group: ana@example.org;",
          "ana@example.org.",
          "a".repeat(250) + "@example.org",
          // Spellings a mail server delivers to another mailbox, or that relay elsewhere.
          "\"carol\"@example.org",
          "<@relay.example.org:carol@example.org>",
          "carol%evil.example@example.org",
          "carol@[127.0.0.1]",
          "b\\ob@example.org",
          // Not ASCII in the local part: the wire would carry other bytes than those shown.
          "\u0162ob@example.org",
          "bo\u0100b@example.org",
          "bob\u0140evil.example@example.org",
          "b\u00f8b@example.org",
          // Letters that IDNA 2003 maps to others: another domain than the one written.
          "x@stra\u00dfe.de",
          "a@127.0.0.1"
        }) {
      assertTrue(MailAddresses.parse(wrong).isEmpty(), wrong);
    }
    // An international domain is kept in its ASCII form, which is what the envelope carries.
    assertEquals(
        "bob@xn--bcher-kva.de",
        MailAddresses.parse("bob@b\u00fccher.de").orElseThrow().getAddress());
  }

  @Test
  void aQuotedCellCannotOutgrowTheLineLimit() {
    String cell = ("y".repeat(2000) + "\n").repeat(3);
    List<CsvRows.Row> rows = rows("a@example.org,\"" + cell + "\"\n");
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).last());
    assertTrue(
        rows.get(0).problem().contains("longer than 2048 characters"), rows.get(0).problem());
    // Quotes inside a plain cell, and doubled quotes in a quoted one, are no quoting.
    List<CsvRows.Row> fine =
        rows(
            ("a@example.org,O\"Neil\n" + "b@example.org,\"Dwayne \"\"The Rock\"\"\"\n")
                + "c@example.org,C\n".repeat(400));
    assertEquals(402, fine.size());
    // White space before an opening quote still opens it.
    List<CsvRows.Row> tabbed = rows("a@example.org,\t\"" + cell + "\"\n");
    assertTrue(tabbed.get(0).last(), "a quoted cell after a tab is counted as one record");
    assertEquals("Dwayne \"The Rock\"", fine.get(1).cell(AttendeeSource.NAME));
  }

  @Test
  void aListIsReadByItsHeaderWhereverItPutsTheColumns() {
    List<CsvRows.Row> rows =
        rows(
            "\uFEFFName,Time zone,E-mail\n\"Ana, Jr.\",Europe/Berlin, ana@example.org \n,,bob@example.org\n");
    assertEquals(2, rows.size());
    assertEquals("Line 2", rows.get(0).place());
    assertEquals("ana@example.org", rows.get(0).cell(AttendeeSource.EMAIL));
    assertEquals("Ana, Jr.", rows.get(0).cell(AttendeeSource.NAME));
    assertNull(rows.get(0).cell(AttendeeSource.LABEL));
    assertEquals("Europe/Berlin", rows.get(0).cell(AttendeeSource.TIME_ZONE));
    assertNull(rows.get(1).cell(AttendeeSource.NAME));
    // Without a header: the usual order.
    CsvRows.Row plain = rows("ana@example.org,Ana,VIP,UTC\n").get(0);
    assertEquals("VIP", plain.cell(AttendeeSource.LABEL));
    assertEquals("UTC", plain.cell(AttendeeSource.TIME_ZONE));
  }

  @Test
  void eachWrongFieldIsSaidInWords() {
    assertEquals(
        "no e-mail address.", Attendees.problem(new Attendees.Entry(" ", "A", null, null)));
    assertEquals(
        "'ana at example.org' is not an e-mail address.",
        Attendees.problem(new Attendees.Entry("ana at example.org", "A", null, null)));
    assertEquals(
        "'Mars/Olympus' is not a time zone name such as Europe/Berlin.",
        Attendees.problem(new Attendees.Entry("ana@example.org", "A", null, "Mars/Olympus")));
    assertEquals(
        "a cell starts with '=', which a spreadsheet would run as a formula.",
        Attendees.problem(new Attendees.Entry("ana@example.org", "=1+1", null, null)));
    assertEquals(
        "the name is longer than 200 characters.",
        Attendees.problem(new Attendees.Entry("ana@example.org", "n".repeat(201), null, null)));
    assertNull(Attendees.problem(new Attendees.Entry("ana@example.org", null, null, "Asia/Tokyo")));
  }

  @Test
  void theMessageSaysWhenInTheAttendeesZoneAndLinksTheCode() {
    MailQueue.Letter letter =
        new MailQueue.Letter(
            "id",
            "ana@example.org",
            "Ana",
            "ABCDEFGHJKMN",
            "Opening night",
            Instant.parse("2026-12-12T18:00:00Z"),
            "Europe/Berlin",
            "https://watch.example.org",
            Instant.EPOCH);
    String body = TicketLetters.body(letter, "StreamGate");
    assertTrue(body.startsWith("Hello Ana,\n\nhere is your ticket for Opening night."), body);
    assertTrue(body.contains("Starts: Saturday, December 12, 2026"), body);
    assertTrue(body.contains("7:00") && body.contains("(Europe/Berlin)"), body);
    assertTrue(body.contains("Your access code: ABCD-EFGH-JKMN\n"), body);
    assertTrue(body.contains("https://watch.example.org/?code=ABCD-EFGH-JKMN\n"), body);
    String utc =
        TicketLetters.body(
            new MailQueue.Letter(
                "id",
                "b@example.org",
                null,
                "ABCDEFGHJKMN",
                "T",
                letter.startsAt(),
                null,
                "x",
                Instant.EPOCH),
            "StreamGate");
    assertTrue(utc.startsWith("Hello,\n") && utc.contains("6:00") && utc.contains("(UTC)"), utc);
  }

  @Test
  void onlyColumnsReadAreCheckedForFormulas() {
    List<CsvRows.Row> rows = rows("email,name,phone\nana@example.org,Ana,+49 30 1234\n");
    assertNull(rows.get(0).problem());
  }

  @Test
  void refusalsThatSayTheServerIsNotSetUpWait() {
    assertTrue(MailSender.refusedForGood(new Exception("550 5.1.1 <x@example.org>: no such user")));
    assertTrue(MailSender.refusedForGood(new Exception("554 5.7.1 message rejected as spam")));
    assertTrue(!MailSender.refusedForGood(new Exception("530 5.7.0 Authentication required")));
    assertTrue(!MailSender.refusedForGood(new Exception("550 5.7.1 Relaying denied")));
    assertTrue(!MailSender.refusedForGood(new Exception("452 4.2.2 mailbox full")));
    assertTrue(!MailSender.refusedForGood(new Exception("Connection refused")));
  }

  @Test
  void retriesWaitLongerEachTimeUpToTenMinutes() {
    assertEquals(Duration.ofSeconds(5), MailQueue.waitAfter(1));
    assertEquals(Duration.ofSeconds(10), MailQueue.waitAfter(2));
    assertEquals(Duration.ofSeconds(40), MailQueue.waitAfter(4));
    assertEquals(Duration.ofMinutes(10), MailQueue.waitAfter(30));
  }

  private static List<CsvRows.Row> rows(String csv) {
    List<CsvRows.Row> rows = new ArrayList<>();
    AttendeeSource.rows(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
        .forEachRemaining(rows::add);
    return rows;
  }
}
