package io.streamgate.platform.refusal.control;

/** A revocation or restoration names a code or an event that does not exist. */
public class UnknownTargetException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  private UnknownTargetException(String message) {
    super(404, message);
  }

  public static UnknownTargetException code() {
    return new UnknownTargetException("Access code not found");
  }

  public static UnknownTargetException event() {
    return new UnknownTargetException("Event not found");
  }
}
