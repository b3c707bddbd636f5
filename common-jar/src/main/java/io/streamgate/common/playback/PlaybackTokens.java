package io.streamgate.common.playback;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;

/** What every playback JWT looks like on the wire. */
public final class PlaybackTokens {

  /** The only signature algorithm minted and accepted. */
  public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;

  /**
   * The {@code typ} header of playback and probe tokens, so that a JWT minted for another purpose
   * with the same key can never pass as one.
   */
  public static final JOSEObjectType TYPE = new JOSEObjectType("streamgate-playback+jwt");

  /** RSA key size of signing keys. */
  public static final int KEY_SIZE = 2048;

  static final String EVENT_ID = "eid";
  static final String SESSION_ID = "sid";
  static final String STREAM_PATH = "sp";
  static final String PROBE = "probe";

  private static final String BEARER = "Bearer ";

  private PlaybackTokens() {}

  /**
   * The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), or null
   * when the header is absent, of another scheme, or carries no token.
   */
  public static String fromAuthorization(String header) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }
}
