package io.streamgate.platform.runtime.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The platform's REST API under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {}
