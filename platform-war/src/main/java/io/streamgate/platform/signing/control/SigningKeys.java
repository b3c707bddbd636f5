package io.streamgate.platform.signing.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.streamgate.common.ids.RandomIds;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.refusal.control.ConflictException;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import io.streamgate.platform.settings.entity.PlatformSettings;
import io.streamgate.platform.signing.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the active signing keys at startup, creating the first one on an empty database. The newest
 * signs; all active ones verify. Private keys are stored encrypted with {@code
 * SIGNING_KEY_ENCRYPTION_KEY} ({@link PrivateKeyCipher}); at start, plain ones from before are
 * encrypted, retired ones lose their private half, and a key that does not open the stored ones
 * stops the deployment with one line (it never mints new keys instead). Without the setting keys
 * are stored in plain, with one warning at start. Reads are lock-free. A rotation (a new key that
 * signs from now on) or a retirement is applied on the member that made it as soon as it commits
 * and within {@value #RELOAD_SECONDS} s on the others, which re-read the keys on a timer; media
 * servers fetch the new public keys the first time a token names a key they do not know.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

  private static final System.Logger LOG = System.getLogger(SigningKeys.class.getName());
  static final int RELOAD_SECONDS = 30;

  private static final DateTimeFormatter KID_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject AuditTrail audit;

  @Resource TransactionSynchronizationRegistry transactions;

  Optional<String> encryptionKey;

  @Inject
  void configure(PlatformSettings settings) {
    encryptionKey = settings.signingKeyEncryptionKey();
  }

  /** Null when no encryption key is configured. */
  private PrivateKeyCipher cipher;

  /** Rotations and retirements made on this member; also the lock that orders key swaps. */
  private final AtomicLong changesHere = new AtomicLong();

  /** Key changes made here, numbered in the order they took the keys' lock. */
  private final AtomicLong changesOrdered = new AtomicLong();

  /** The number of the change whose keys are in use (guarded by {@link #changesHere}). */
  private long changeApplied;

  @Inject KeyRing ring;

  @PostConstruct
  void load() {
    cipher = cipher();
    secureStoredKeys();
    List<SigningKey> active =
        em.createNamedQuery(SigningKey.ACTIVE, SigningKey.class).getResultList();
    if (active.isEmpty()) {
      active = List.of(create());
    }
    ring.use(active.stream().map(this::parse).toList());
  }

  private PrivateKeyCipher cipher() {
    if (encryptionKey.isEmpty() || encryptionKey.get().isBlank()) {
      LOG.log(
          System.Logger.Level.WARNING,
          PrivateKeyCipher.SETTING
              + " is not set: playback signing keys are stored unencrypted in the database; set it"
              + " to 32 or more random characters (the launcher does)");
      return null;
    }
    try {
      return new PrivateKeyCipher(encryptionKey.get(), new SecureRandom());
    } catch (IllegalArgumentException e) {
      throw refusal(e.getMessage());
    }
  }

  /**
   * Brings the stored keys to what this version keeps at rest: retired keys without their private
   * half, active ones encrypted. Every active key is opened here, so a wrong encryption key stops
   * the start instead of failing later.
   */
  private void secureStoredKeys() {
    int encrypted = 0;
    int dropped = 0;
    for (SigningKey key : all()) {
      String stored = key.privateJwk();
      if (stored == null) {
        continue;
      }
      if (!key.active()) {
        key.forgetPrivateHalf();
        dropped++;
      } else if (cipher == null) {
        if (PrivateKeyCipher.sealed(stored)) {
          throw refusal(
              "The playback signing keys in the database are encrypted; set "
                  + PrivateKeyCipher.SETTING
                  + " to the key they were encrypted with");
        }
      } else {
        String jwk;
        try {
          jwk = cipher.open(key.kid(), stored);
        } catch (PrivateKeyCipher.WrongKeyException e) {
          throw refusal(e.getMessage());
        }
        if (!PrivateKeyCipher.sealed(stored)) {
          key.storePrivate(cipher.seal(key.kid(), jwk));
          encrypted++;
        }
      }
    }
    if (encrypted > 0 || dropped > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "Signing keys at rest: {0} private key(s) encrypted now, {1} retired key(s) stripped of"
              + " their private half",
          encrypted,
          dropped);
    }
  }

  /** Logs the one line the launcher shows and stops the deployment with it. */
  private static IllegalStateException refusal(String message) {
    LOG.log(System.Logger.Level.ERROR, message);
    return new IllegalStateException(message);
  }

  /**
   * Picks up keys another platform member rotated or retired. A read that raced with a change made
   * here is dropped, so that it cannot put back the keys from before that change.
   */
  @Schedule(second = "*/" + RELOAD_SECONDS, minute = "*", hour = "*", persistent = false)
  void reload() {
    long before = changesHere.get();
    List<SigningKey> active =
        em.createNamedQuery(SigningKey.ACTIVE, SigningKey.class).getResultList();
    if (!active.isEmpty()) {
      List<RSAKey> keys = active.stream().map(this::parse).toList();
      synchronized (changesHere) {
        if (changesHere.get() == before) {
          ring.use(keys);
        }
      }
    }
  }

  /** Applies the active keys of the current transaction once, and only if, it commits. */
  /**
   * Locks the active keys' rows, so that key changes, on this member or another, happen one after
   * the other: each then reads, and applies on commit, the active keys as the change before it left
   * them. (Two changes at once each applied the list they had read before either committed: a
   * rotation could put back the key a retirement had just taken out.)
   */
  private List<SigningKey> lockActiveKeys() {
    return em.createNamedQuery(SigningKey.ACTIVE, SigningKey.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  private void useOnCommit() {
    em.flush();
    // Changes hold the keys' lock from before this read until they commit, so this order is the
    // order they commit in; their completions may run in another, and the last one wins.
    long order = changesOrdered.incrementAndGet();
    List<RSAKey> keys =
        em.createNamedQuery(SigningKey.ACTIVE, SigningKey.class).getResultList().stream()
            .map(this::parse)
            .toList();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to check
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              synchronized (changesHere) {
                changesHere.incrementAndGet();
                if (order > changeApplied) {
                  changeApplied = order;
                  ring.use(keys);
                }
              }
            }
          }
        });
  }

  /** Every key, newest first, retired ones included. */
  public List<SigningKey> all() {
    return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
  }

  /** A new key that signs from now on; the older active keys keep verifying until retired. */
  public SigningKey rotate(String actor, String ip) {
    lockActiveKeys();
    SigningKey key = create();
    audit.record(actor, "key-rotate", "key:" + key.kid(), ip, null);
    useOnCommit();
    return key;
  }

  /**
   * Retires a key: tokens it signed are refused from the next key fetch on, and its private half is
   * deleted. The signing key can only be retired once a newer one exists, so that some key always
   * signs.
   */
  public SigningKey retire(String kid, String actor, String ip) {
    List<SigningKey> active = lockActiveKeys();
    SigningKey key = em.find(SigningKey.class, kid);
    if (key == null) {
      throw new UnknownKey();
    }
    if (key.active() && active.size() == 1) {
      throw new ConflictException(
          "This is the only active signing key; rotate first, then retire it.");
    }
    key.retire(clock.instant());
    audit.record(actor, "key-retire", "key:" + kid, ip, null);
    useOnCommit();
    return key;
  }

  /** No key has this id. */
  public static class UnknownKey extends RequestRefusedException {
    private static final long serialVersionUID = 1L;

    UnknownKey() {
      super(404, "Signing key not found");
    }
  }

  private SigningKey create() {
    String kid = KID_DATE.format(clock.instant()) + "-" + RandomIds.uuid().substring(0, 8);
    try {
      RSAKey key = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID(kid).generate();
      String privateJwk = key.toJSONString();
      SigningKey entity =
          new SigningKey(
              kid,
              key.toPublicJWK().toJSONString(),
              cipher == null ? privateJwk : cipher.seal(kid, privateJwk),
              clock.instant());
      em.persist(entity);
      LOG.log(System.Logger.Level.INFO, "Created playback signing key {0}", kid);
      return entity;
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  private RSAKey parse(SigningKey key) {
    String stored = key.privateJwk();
    if (stored == null || (cipher == null && PrivateKeyCipher.sealed(stored))) {
      throw new IllegalStateException("signing key " + key.kid() + " cannot be read here");
    }
    try {
      return RSAKey.parse(cipher == null ? stored : cipher.open(key.kid(), stored));
    } catch (ParseException e) {
      throw new IllegalStateException("signing key " + key.kid() + " is unreadable", e);
    }
  }
}
