package io.streamgate.platform.codes.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.codes.entity.AccessCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Codes as the admin API shows them: the specification's token. */
public final class CodeJson {

  private CodeJson() {}

  public static Map<String, Object> token(AccessCode code, Instant now) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("id", code.id());
    token.put("code", code.code());
    token.put("eventId", code.event().id());
    token.put("label", code.label());
    token.put("status", code.status(now));
    token.put("isRevoked", code.revoked());
    token.put("revokedAt", text(code.revokedAt()));
    token.put("redeemedAt", text(code.redeemedAt()));
    token.put("expiresAt", text(code.expiresAt()));
    return token;
  }

  /** A token in a list, with the title of its event. */
  public static Map<String, Object> listedToken(AccessCode code, Instant now) {
    Map<String, Object> token = token(code, now);
    token.put("eventTitle", code.event().title());
    return token;
  }

  /** {@code ••••-••••-WXYZ}: enough for a viewer to recognise their code, not to use it. */
  public static String maskedCode(String code) {
    return "••••-••••-" + code.substring(code.length() - 4);
  }
}
