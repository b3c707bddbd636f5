package io.streamgate.media.runtime.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of "now" for the media server. */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock utc() {
    return Clock.systemUTC();
  }
}
