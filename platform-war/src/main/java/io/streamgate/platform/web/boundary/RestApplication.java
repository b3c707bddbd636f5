package io.streamgate.platform.web.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The platform's REST API under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {

  /** OPTIONS on an API path answers its methods, not a WADL description of the whole API. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
