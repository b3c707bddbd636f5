package io.streamgate.platform.tickets.control;

import io.streamgate.platform.settings.entity.MailAddresses;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the queued ticket messages: every platform member looks once a second, claims what is due
 * (as many as {@code MAIL_RATE_PER_MINUTE} allows for that second, at most {@value #MOST_AT_ONCE})
 * and sends them over one SMTP connection from the managed executor, never a request's thread. A
 * refusal of the address (5xx to RCPT) fails that message for good, with the server's answer; an
 * unreachable server, a dropped connection or a 4xx is tried again later.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

  /** The most messages one batch (one SMTP connection) carries. */
  static final int MOST_AT_ONCE = 100;

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long the server has for each answer, and each write. */
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  @Resource ManagedExecutorService executor;

  @Inject MailQueue queue;

  @Inject PlatformSettings settings;

  @Inject Clock clock;

  private final AtomicBoolean sending = new AtomicBoolean();

  /** Messages this member may still send in this second; only touched while holding sending. */
  private double credit;

  private PlatformSettings.Mail mail;
  private Session session;
  private InternetAddress from;
  private volatile Instant warnedAt = Instant.EPOCH;

  @PostConstruct
  void start() {
    mail = settings.mail();
    if (mail.configured()) {
      from = MailAddresses.parse(mail.from().orElseThrow()).orElseThrow();
      Properties properties = properties(mail);
      properties.put("mail.smtp.from", from.getAddress()); // the envelope's sender
      session = Session.getInstance(properties);
    }
  }

  static Properties properties(PlatformSettings.Mail mail) {
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", mail.host().orElseThrow());
    properties.put("mail.smtp.port", Integer.toString(mail.port()));
    properties.put("mail.smtp.auth", Boolean.toString(mail.user().isPresent()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(mail.startTls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(mail.startTls()));
    properties.put("mail.smtp.ssl.checkserveridentity", "true");
    properties.put("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
    properties.put("mail.smtp.timeout", Long.toString(TIMEOUT.toMillis()));
    properties.put("mail.smtp.writetimeout", Long.toString(TIMEOUT.toMillis()));
    return properties;
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void look() {
    if (session == null || !sending.compareAndSet(false, true)) {
      return;
    }
    boolean handedOn = false;
    try {
      double perSecond = mail.perMinute() / 60.0;
      credit = Math.min(credit + perSecond, Math.max(1, perSecond));
      int most = (int) Math.min(credit, MOST_AT_ONCE);
      if (most < 1) {
        return;
      }
      List<MailQueue.Letter> letters = queue.claimDue(most);
      if (letters.isEmpty()) {
        return;
      }
      credit -= letters.size();
      executor.execute(
          () -> {
            try {
              send(letters);
            } finally {
              sending.set(false);
            }
          });
      handedOn = true;
    } catch (RejectedExecutionException e) {
      warn("ticket e-mails not sent: " + e); // their leases run out and they are claimed again
    } catch (RuntimeException e) {
      warn("ticket e-mails not claimed: " + e); // the database away, most likely
    } finally {
      if (!handedOn) {
        sending.set(false);
      }
    }
  }

  private void send(List<MailQueue.Letter> letters) {
    Transport transport;
    try {
      transport = session.getTransport();
      transport.connect(
          mail.host().orElseThrow(),
          mail.port(),
          mail.user().orElse(null),
          mail.password().orElse(null));
    } catch (MessagingException | RuntimeException e) {
      String answer = "The SMTP server could not be reached: " + answer(e);
      warn("ticket e-mails wait: " + answer);
      letters.forEach(letter -> failed(letter, answer, false));
      return;
    }
    Instant stopAt = letters.get(0).lease().minus(MailQueue.SAFE_BEFORE_END);
    try {
      for (int i = 0; i < letters.size(); i++) {
        MailQueue.Letter letter = letters.get(i);
        if (clock.instant().isAfter(stopAt)) {
          // A very slow server: the rest waits for its lease to run out and is claimed again.
          warn("ticket e-mails: the SMTP server is too slow; the rest of the batch waits");
          return;
        }
        try {
          MimeMessage message =
              TicketLetters.write(session, from, letter, settings.shownAppName(), clock.instant());
          transport.sendMessage(message, message.getAllRecipients());
          sent(letter);
        } catch (MessagingException | RuntimeException e) {
          failed(letter, answer(e), refusedForGood(e));
          if (!transport.isConnected()) {
            String answer = "The SMTP server dropped the connection: " + answer(e);
            letters.subList(i + 1, letters.size()).forEach(rest -> failed(rest, answer, false));
            return;
          }
        }
      }
    } finally {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Every message has been recorded; the connection is gone either way.
      }
    }
  }

  /**
   * Whether the server refused this message for good: a 5xx answer (to the recipient, the sender or
   * the message), except refusals that say this server is not set up to send (authentication needed
   * or relaying denied: 530, 535, 5.7.x about relaying or authentication), which wait for the setup
   * to be mended, like an unreachable server.
   */
  static boolean refusedForGood(Exception failure) {
    String answer = answer(failure);
    if (!answer.matches("5\\d\\d\\b.*")) {
      return false;
    }
    String lower = answer.toLowerCase(java.util.Locale.ROOT);
    return !(answer.startsWith("530")
        || answer.startsWith("535")
        || lower.contains("relay")
        || lower.contains("authenticat"));
  }

  private void sent(MailQueue.Letter letter) {
    try {
      queue.sent(letter);
    } catch (RuntimeException e) {
      // Not recorded: the lease runs out and the message is sent again (at least once).
      warn("a sent ticket e-mail was not recorded: " + e);
    }
  }

  private void failed(MailQueue.Letter letter, String answer, boolean permanent) {
    try {
      queue.failed(letter, answer, permanent);
    } catch (RuntimeException e) {
      warn("a ticket e-mail attempt was not recorded: " + e);
    }
  }

  /** The server's own words where there are any: the innermost message of the chain. */
  static String answer(Exception failure) {
    Exception inner = failure;
    while (inner instanceof MessagingException messaging
        && messaging.getNextException() != null
        && messaging.getNextException() != inner) {
      inner = messaging.getNextException();
    }
    String message = inner.getMessage();
    String text =
        (message == null || message.isBlank() ? inner.getClass().getSimpleName() : message)
            .replaceAll("\\p{Cntrl}+", " ")
            .strip();
    return text.length() <= 400 ? text : text.substring(0, 400);
  }

  /** Said at most once a minute: a server away for an hour is one line a minute, not thousands. */
  private void warn(String line) {
    Instant now = clock.instant();
    if (now.isAfter(warnedAt.plus(Duration.ofMinutes(1)))) {
      warnedAt = now;
      LOG.log(Level.WARNING, line);
    }
  }
}
