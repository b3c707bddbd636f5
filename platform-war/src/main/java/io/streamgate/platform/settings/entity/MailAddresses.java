package io.streamgate.platform.settings.entity;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * What counts as one e-mail address, for {@code MAIL_FROM} and attendees alike: exactly one RFC 822
 * address (a display name allowed), strictly parsed, with a domain that has a dot, no control
 * characters, at most {@value #LONGEST} characters.
 */
public final class MailAddresses {

  /** The longest address SMTP carries (RFC 5321's path limit less its brackets). */
  public static final int LONGEST = 254;

  private MailAddresses() {}

  public static Optional<InternetAddress> parse(String text) {
    if (text == null
        || text.isBlank()
        || text.length() > 400
        || text.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(text.strip(), true);
      if (addresses.length != 1) {
        return Optional.empty();
      }
      InternetAddress address = addresses[0];
      address.validate();
      String plain = address.getAddress();
      int at = plain.lastIndexOf('@');
      if (plain.length() > LONGEST
          || at < 1
          || address.isGroup()
          || !plain.substring(at + 1).contains(".")
          || plain.endsWith(".")) {
        return Optional.empty();
      }
      return Optional.of(address);
    } catch (AddressException e) {
      return Optional.empty();
    }
  }
}
