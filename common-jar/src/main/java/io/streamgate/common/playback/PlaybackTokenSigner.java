package io.streamgate.common.playback;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.Objects;

/** Mints playback and probe JWTs with one RSA private key, naming it in the {@code kid} header. */
public final class PlaybackTokenSigner {

  private final RSASSASigner signer;
  private final JWSHeader header;

  /** A signer for the given private key, which must carry a key id. */
  public PlaybackTokenSigner(RSAKey key) {
    Objects.requireNonNull(key.getKeyID(), "the signing key needs a kid");
    if (!key.isPrivate()) {
      throw new IllegalArgumentException("the signing key must contain the private part");
    }
    try {
      this.signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable RSA signing key", e);
    }
    this.header =
        new JWSHeader.Builder(PlaybackTokens.ALGORITHM)
            .type(PlaybackTokens.TYPE)
            .keyID(key.getKeyID())
            .build();
  }

  /** The id of the key that signs, as the tokens' {@code kid} header names it. */
  public String kid() {
    return header.getKeyID();
  }

  /**
   * The compact serialisation of a JWT carrying the claims.
   *
   * @throws IllegalArgumentException for viewer claims whose subject is not a code id: a token is
   *     readable by anyone who sees it, so it never carries an access code
   */
  public String sign(PlaybackClaims claims) {
    if (claims.legacySubject()) {
      throw new IllegalArgumentException("a playback token's subject must be a code id");
    }
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .claim(PlaybackTokens.EVENT_ID, claims.eid())
            .claim(PlaybackTokens.STREAM_PATH, claims.sp())
            .issueTime(Date.from(claims.iat()))
            .expirationTime(Date.from(claims.exp()));
    if (claims.probe()) {
      set.claim(PlaybackTokens.PROBE, true);
    } else {
      set.subject(claims.sub()).claim(PlaybackTokens.SESSION_ID, claims.sid());
    }
    SignedJWT jwt = new SignedJWT(header, set.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a playback token failed", e);
    }
    return jwt.serialize();
  }
}
