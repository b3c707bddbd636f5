package io.streamgate.platform.sessions.control;

import io.streamgate.platform.runtime.control.RequestRefusedException;

/** A heartbeat or refresh for a session that no longer holds its code. */
public class SessionRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  private SessionRefusedException(int status, String message) {
    super(status, message);
  }

  /** An admin names a session that does not exist (any more). */
  public static SessionRefusedException unknown() {
    return new SessionRefusedException(404, "Viewer session not found");
  }

  public static SessionRefusedException notFound() {
    return new SessionRefusedException(404, "Session not found");
  }

  public static SessionRefusedException conflict() {
    return new SessionRefusedException(409, "Session conflict");
  }
}
