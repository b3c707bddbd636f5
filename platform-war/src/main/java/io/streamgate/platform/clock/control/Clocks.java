package io.streamgate.platform.clock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of "now" for the platform; unit tests hand their classes a clock they move. */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock utc() {
    return Clock.systemUTC();
  }
}
