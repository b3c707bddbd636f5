package io.streamgate.media.delivery.control;

/** No room for one more stream response now: the client may try again in a moment. */
public class ResponsesBusyException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ResponseLimits.Refusal reason;

  public ResponsesBusyException(ResponseLimits.Refusal reason) {
    super("busy: " + reason, null, false, false);
    this.reason = reason;
  }

  public ResponseLimits.Refusal reason() {
    return reason;
  }
}
