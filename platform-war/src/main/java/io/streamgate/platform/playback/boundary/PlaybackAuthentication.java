package io.streamgate.platform.playback.boundary;

import io.streamgate.common.playback.PlaybackClaims;

/**
 * Where a resource finds the viewer of a request: the platform's authentication mechanism verifies
 * the {@code Authorization: Bearer <playback JWT>}, gives its bearer the role {@code viewer} and
 * keeps the claims in a request attribute (which JAX-RS sees as a request property).
 */
public final class PlaybackAuthentication {

  /** Request attribute (and JAX-RS request property) with the verified {@link PlaybackClaims}. */
  public static final String CLAIMS = PlaybackClaims.class.getName();

  private PlaybackAuthentication() {}
}
