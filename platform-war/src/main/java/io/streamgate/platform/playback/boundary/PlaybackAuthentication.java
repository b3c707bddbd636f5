package io.streamgate.platform.playback.boundary;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.playback.control.PlaybackCallers;
import io.streamgate.platform.playback.control.PlaybackUnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Verifies the Bearer playback JWT of {@link PlaybackBearer} endpoints. */
@Provider
@PlaybackBearer
@Priority(Priorities.AUTHENTICATION)
public class PlaybackAuthentication implements ContainerRequestFilter {

  /** Request property with the verified {@link PlaybackClaims}. */
  public static final String CLAIMS = PlaybackClaims.class.getName();

  @Inject PlaybackCallers callers;

  @Override
  public void filter(ContainerRequestContext request) {
    String token =
        PlaybackTokens.fromAuthorization(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      throw new PlaybackUnauthorizedException();
    }
    request.setProperty(CLAIMS, callers.authenticate(token));
  }
}
