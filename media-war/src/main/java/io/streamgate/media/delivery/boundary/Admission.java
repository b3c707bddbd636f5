package io.streamgate.media.delivery.boundary;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.media.delivery.control.DeliveryMetrics;
import io.streamgate.media.delivery.control.ResponseLimits;
import io.streamgate.media.delivery.control.ResponsesBusyException;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets a stream response start only within {@link ResponseLimits}, answering 503 with {@code
 * Retry-After} otherwise, and frees its place when it is over: at once for a response answered on
 * the request thread, else when the async response completes, times out or fails.
 */
final class Admission {

  private Admission() {}

  /** The admitted response, or null when it was refused (and answered). */
  static ResponseLimits.Response admit(
      HttpServletRequest req,
      HttpServletResponse res,
      ResponseLimits limits,
      DeliveryMetrics metrics)
      throws IOException {
    PlaybackClaims claims = (PlaybackClaims) req.getAttribute(MediaGate.CLAIMS);
    try {
      return limits.admit(claims == null || claims.probe() ? null : claims.sid());
    } catch (ResponsesBusyException e) {
      busy(res, e.reason(), metrics);
      return null;
    }
  }

  static void busy(HttpServletResponse res, ResponseLimits.Refusal reason, DeliveryMetrics metrics)
      throws IOException {
    metrics.busy(reason);
    MediaResponses.error(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
  }

  /** Called once the servlet returned: frees the place now, or when the async response ends. */
  static void whenDone(HttpServletRequest req, ResponseLimits.Response response) {
    if (!req.isAsyncStarted()) {
      response.close();
      return;
    }
    req.getAsyncContext()
        .addListener(
            new AsyncListener() {
              @Override
              public void onComplete(AsyncEvent event) {
                response.close();
              }

              @Override
              public void onTimeout(AsyncEvent event) {
                response.close();
              }

              @Override
              public void onError(AsyncEvent event) {
                response.close();
              }

              @Override
              public void onStartAsync(AsyncEvent event) {
                // not restarted
              }
            });
  }
}
