package io.streamgate.platform.tickets.boundary;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.tickets.entity.Attendee;
import io.streamgate.platform.web.boundary.ApiJson.Pagination;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An attendee as the admin API shows them: who, their code (as typed), and where their message
 * stands ({@code queued}, {@code sent}, {@code failed}) with the SMTP server's last answer.
 */
public record AttendeeView(
    String id,
    String email,
    String name,
    String label,
    String timeZone,
    String codeId,
    String code,
    String status,
    int attempts,
    String lastAnswer,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Instant sentAt,
    Instant createdAt) {

  static AttendeeView of(Attendee attendee, Map<String, String> codes) {
    String code = codes.get(attendee.codeId());
    return new AttendeeView(
        attendee.id(),
        attendee.email(),
        attendee.name(),
        attendee.label(),
        attendee.timeZone(),
        attendee.codeId(),
        code == null ? null : AccessCodeCodec.display(code),
        attendee.status().label(),
        attendee.attempts(),
        attendee.lastAnswer(),
        attendee.lastAttemptAt(),
        attendee.status() == Attendee.Status.QUEUED ? attendee.nextAttemptAt() : null,
        attendee.sentAt(),
        attendee.createdAt());
  }

  public record AttendeeData(AttendeeView data) {}

  /** How many of an event's attendees are queued, sent and failed. */
  public record Counts(long queued, long sent, long failed) {}

  public record AttendeesPage(List<AttendeeView> data, Pagination pagination, Counts counts) {}

  /** What a list did: how many were queued, and the rows that were not, by line. */
  public record Added(int queued, List<String> problems, int problemCount) {}

  public record AddedData(Added data) {}

  /** {@code {email, name?, label?, timeZone?}}: one more attendee. */
  public record NewAttendee(String email, String name, String label, String timeZone) {}
}
