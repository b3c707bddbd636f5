package io.streamgate.platform.tickets.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;
import java.util.List;
import java.util.Map;

/** An attendee upload or resend refused: nothing was queued. */
public class TicketRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  TicketRefusedException(int status, String message) {
    super(status, message);
  }

  /** A list with problems that leave nothing to send, each named by its line. */
  TicketRefusedException(String message, List<String> problems, int problemCount) {
    super(400, message, Map.of("problems", problems, "problemCount", problemCount), null);
  }

  static TicketRefusedException mailNotSetUp() {
    return new TicketRefusedException(
        409,
        "Sending e-mail is not set up on this server: set SMTP_HOST and MAIL_FROM (see the"
            + " README's configuration table).");
  }
}
