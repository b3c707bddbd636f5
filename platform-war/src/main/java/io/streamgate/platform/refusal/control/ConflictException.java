package io.streamgate.platform.refusal.control;

/** A change that clashes with the current state: a stale edit, a name already taken. */
public class ConflictException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(409, message);
  }

  /** Somebody else saved the same thing since the caller read it. */
  public static ConflictException staleEdit(String what) {
    return new ConflictException(
        "This "
            + what
            + " was changed by someone else since you opened it. Reload it and make your change"
            + " again.");
  }
}
