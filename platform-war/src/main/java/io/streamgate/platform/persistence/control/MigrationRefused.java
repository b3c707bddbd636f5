package io.streamgate.platform.persistence.control;

/**
 * {@code ./streamgate migrate} will not start: bad input, a target that is not empty, a source in
 * use or at another schema version. The message is the one line the operator reads; it never holds
 * a password. Thrown before anything is written on either side.
 */
public class MigrationRefused extends Exception {

  private static final long serialVersionUID = 1L;

  public MigrationRefused(String message) {
    super(message);
  }
}
