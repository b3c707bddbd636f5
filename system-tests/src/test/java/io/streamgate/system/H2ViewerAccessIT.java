package io.streamgate.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The viewer access contract on the embedded default: the shared instance on H2. */
@ExtendWith(StreamGateExtension.class)
class H2ViewerAccessIT extends ViewerAccessContract {

  private static LaunchedStreamGate shared;

  @BeforeAll
  static void shared(LaunchedStreamGate instance) {
    shared = instance;
  }

  @Override
  LaunchedStreamGate streamGate() {
    return shared;
  }

  @Override
  Fixtures fixtures() {
    return new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
  }
}
