package io.streamgate.platform.events.control;

import io.streamgate.common.Spec;
import io.streamgate.platform.runtime.control.BadRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/**
 * An event as an admin submits it, checked by the specification's rules: a title, a start before
 * the end, an access window of 1-168 hours, and http(s) URLs (their format only; nothing is
 * fetched).
 */
public record EventDraft(
    String title,
    String description,
    String streamUrl,
    String posterUrl,
    Instant startsAt,
    Instant endsAt,
    int accessWindowHours) {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_URL = 1000;

  public EventDraft {
    title = title == null ? "" : title.strip();
    if (title.isEmpty()) {
      throw new BadRequestException("Title is required.");
    }
    if (title.length() > MAX_TITLE) {
      throw new BadRequestException("Title must have at most " + MAX_TITLE + " characters.");
    }
    description = blankToNull(description);
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new BadRequestException(
          "Description must have at most " + MAX_DESCRIPTION + " characters.");
    }
    streamUrl = url(streamUrl, "Stream URL");
    posterUrl = url(posterUrl, "Poster URL");
    if (startsAt == null || endsAt == null) {
      throw new BadRequestException("Start and end times are required.");
    }
    if (!startsAt.isBefore(endsAt)) {
      throw new BadRequestException("The event must start before it ends.");
    }
    if (accessWindowHours < Spec.ACCESS_WINDOW_MIN_HOURS
        || accessWindowHours > Spec.ACCESS_WINDOW_MAX_HOURS) {
      throw new BadRequestException(
          "Access window must be between "
              + Spec.ACCESS_WINDOW_MIN_HOURS
              + " and "
              + Spec.ACCESS_WINDOW_MAX_HOURS
              + " hours.");
    }
  }

  private static String url(String value, String name) {
    String url = blankToNull(value);
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      boolean web =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (url.length() <= MAX_URL && web && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new BadRequestException(name + " must be a valid http or https URL.");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
