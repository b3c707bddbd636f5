package io.streamgate.platform.tickets.control;

import io.streamgate.common.codes.AccessCodeCodec;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;

/**
 * The message that carries an attendee's ticket: the event's title, when it starts in the
 * attendee's time zone (else UTC), the code as it is typed, and a link to the viewer portal with
 * the code filled in. Plain text, UTF-8.
 */
final class TicketLetters {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
          .withLocale(Locale.ENGLISH);

  private TicketLetters() {}

  static MimeMessage write(
      Session session, InternetAddress from, MailQueue.Letter letter, String appName, Instant now)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    try {
      message.setRecipient(
          MimeMessage.RecipientType.TO,
          new InternetAddress(letter.email(), letter.name(), StandardCharsets.UTF_8.name()));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    // A header is one line whatever a title holds.
    message.setSubject(
        "Your ticket for " + oneLine(letter.eventTitle()), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(now));
    message.setText(body(letter, appName), StandardCharsets.UTF_8.name());
    return message;
  }

  /** Text as one line: titles stored before they were checked may hold line breaks. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
  }

  static String body(MailQueue.Letter letter, String appName) {
    String code = AccessCodeCodec.display(letter.code());
    ZoneId zone = letter.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(letter.timeZone());
    String link = letter.portalUrl() + "/?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    return (letter.name() == null ? "Hello," : "Hello " + oneLine(letter.name()) + ",")
        + "\n\nhere is your ticket for "
        + oneLine(letter.eventTitle())
        + ".\n\nStarts: "
        + WHEN.format(letter.startsAt().atZone(zone))
        + " ("
        + (letter.timeZone() == null ? "UTC" : zone.getId())
        + ")\nYour access code: "
        + code
        + "\n\nWatch here: "
        + link
        + "\n\nThe code plays on one device at a time; keep it to yourself.\n\n"
        + appName
        + "\n";
  }
}
