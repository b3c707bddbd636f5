package io.streamgate.platform.playback.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;

/** No playback token, or one that does not verify. */
public class PlaybackUnauthorizedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  public PlaybackUnauthorizedException() {
    super(401, "A valid playback token is required.");
  }
}
