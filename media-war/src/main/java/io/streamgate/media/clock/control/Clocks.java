package io.streamgate.media.clock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of "now" for the media server; unit tests hand their beans a clock they move. */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock utc() {
    return Clock.systemUTC();
  }
}
