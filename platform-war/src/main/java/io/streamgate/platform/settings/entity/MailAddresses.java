package io.streamgate.platform.settings.entity;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What counts as one e-mail address, for {@code MAIL_FROM} and attendees alike: exactly one address
 * (a display name allowed) whose mailbox is a plain {@code local@domain}: the local part ASCII
 * letters, digits and {@code !#$&'*+/=?^_`{|}~.-} in dot-separated runs (no quotes, no {@code %}
 * relaying, no source route), the domain a host name with a dot, international names turned into
 * their ASCII form. So every spelling that a mail server would deliver to one mailbox is one
 * address here, and what is checked is exactly what goes into the SMTP envelope.
 */
public final class MailAddresses {

  /** The longest address SMTP carries (RFC 5321's path limit less its brackets). */
  public static final int LONGEST = 254;

  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$&'*+/=?^_`{|}~-]+)*");

  private static final Pattern HOST =
      Pattern.compile(
          "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private MailAddresses() {}

  /** The address with its mailbox in the plain ASCII form, or empty when it is not one address. */
  public static Optional<InternetAddress> parse(String text) {
    if (text == null
        || text.isBlank()
        || text.length() > 400
        || text.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(text.strip(), true);
      if (addresses.length != 1 || addresses[0].isGroup()) {
        return Optional.empty();
      }
      String mailbox = addresses[0].getAddress();
      int at = mailbox.lastIndexOf('@');
      if (at < 1 || at > 64) {
        return Optional.empty();
      }
      String local = mailbox.substring(0, at);
      String written = mailbox.substring(at + 1);
      // IDNA 2003 (java.net.IDN) maps these to other letters, and so to another domain.
      if (written
          .chars()
          .anyMatch(c -> c == '\u00df' || c == '\u03c2' || c == '\u200c' || c == '\u200d')) {
        return Optional.empty();
      }
      String domain = IDN.toASCII(written, IDN.USE_STD3_ASCII_RULES);
      String plain = local + "@" + domain;
      if (!LOCAL.matcher(local).matches()
          || !HOST.matcher(domain).matches()
          || !domain.substring(domain.lastIndexOf('.') + 1).matches(".*[A-Za-z].*")
          || plain.length() > LONGEST) {
        return Optional.empty();
      }
      String name = addresses[0].getPersonal();
      return Optional.of(
          name == null || name.isBlank()
              ? new InternetAddress(plain, true)
              : new InternetAddress(plain, name, StandardCharsets.UTF_8.name()));
    } catch (AddressException | IllegalArgumentException | UnsupportedEncodingException e) {
      return Optional.empty();
    }
  }
}
