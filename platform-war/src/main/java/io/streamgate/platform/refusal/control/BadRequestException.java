package io.streamgate.platform.refusal.control;

/** Input the platform cannot use: malformed JSON, wrong fields, oversized bodies. */
public class BadRequestException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(400, message);
  }

  public static BadRequestException tooLarge() {
    return new BadRequestException(413, "Request body is too large.");
  }

  private BadRequestException(int status, String message) {
    super(status, message);
  }
}
