package io.streamgate.platform.signing.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.streamgate.common.ids.RandomIds;
import io.streamgate.common.playback.PlaybackTokenSigner;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.signing.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Loads the active signing keys at startup, creating the first one on an empty database. The newest
 * signs; all active ones verify. Reads are lock-free.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

  private static final System.Logger LOG = System.getLogger(SigningKeys.class.getName());
  private static final DateTimeFormatter KID_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  private volatile PlaybackTokenSigner signer;
  private volatile JWKSet publicKeys;

  @PostConstruct
  void load() {
    List<SigningKey> active =
        em.createNamedQuery(SigningKey.ACTIVE, SigningKey.class).getResultList();
    if (active.isEmpty()) {
      active = List.of(create());
    }
    List<RSAKey> keys = active.stream().map(SigningKeys::parse).toList();
    signer = new PlaybackTokenSigner(keys.get(0));
    publicKeys = new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
  }

  private SigningKey create() {
    String kid = KID_DATE.format(clock.instant()) + "-" + RandomIds.uuid().substring(0, 8);
    try {
      RSAKey key = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID(kid).generate();
      SigningKey entity =
          new SigningKey(
              kid, key.toPublicJWK().toJSONString(), key.toJSONString(), clock.instant());
      em.persist(entity);
      LOG.log(System.Logger.Level.INFO, "Created playback signing key {0}", kid);
      return entity;
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  private static RSAKey parse(SigningKey key) {
    try {
      return RSAKey.parse(key.privateJwk());
    } catch (ParseException e) {
      throw new IllegalStateException("signing key " + key.kid() + " is unreadable", e);
    }
  }

  /** Signs with the newest key. (No transaction: a JTA begin costs more than the read.) */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PlaybackTokenSigner signer() {
    return signer;
  }

  /** The public halves of every active key, as media servers need them. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JWKSet publicKeys() {
    return publicKeys;
  }
}
