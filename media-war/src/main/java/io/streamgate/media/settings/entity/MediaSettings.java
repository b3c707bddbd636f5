package io.streamgate.media.settings.entity;

import io.streamgate.common.net.ClientAddresses;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.common.settings.Setting;
import io.streamgate.common.settings.SharedSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the media server, read and checked once at start-up. The descriptions below are
 * the one home of each setting's name, default, rule and meaning: the README's configuration table
 * and the system tests are checked against {@link #all()}.
 */
public record MediaSettings(
    Optional<Path> streamRoot,
    Optional<String> upstreamOrigin,
    List<StreamSource> eventOrigins,
    long upstreamTimeoutSeconds,
    Optional<Path> segmentCacheRoot,
    double segmentCacheMaxSizeGb,
    double segmentCacheMaxAgeHours,
    long segmentCacheSweepMinutes,
    String corsAllowedOrigin,
    long shutdownGraceSeconds,
    long maxResponses,
    long slowReaderSeconds,
    long responseMemoryMb,
    long memoryCacheMb,
    Optional<Path> accessLogFile,
    Optional<RevocationSync> revocationSync,
    long revocationPollIntervalMs,
    Optional<String> platformAppUrl,
    Optional<String> playbackPublicKeys,
    SharingMode tokenSharing,
    ClientAddresses trustedProxies,
    Optional<String> internalApiKey) {

  /** A root that is set must be a folder at start-up (the launcher checks the same). */
  public static final Setting<Optional<Path>> STREAM_ROOT =
      new Setting<>(
          "STREAM_ROOT",
          "",
          "none (no local streams); `DATA/streams` with the launcher",
          "local HLS files, one folder per event id; one that is set must be a folder; a media"
              + " server with neither it nor `UPSTREAM_ORIGIN` (or `EVENT_ORIGINS`) does not start",
          value -> {
            Optional<Path> root = path("STREAM_ROOT", "").rule().apply(value);
            if (root.isPresent() && !Files.isDirectory(root.get())) {
              throw new IllegalArgumentException("STREAM_ROOT '" + value + "' is not a folder");
            }
            return root;
          });

  public static final Setting<Optional<String>> UPSTREAM_ORIGIN =
      Setting.httpUrl(
          "UPSTREAM_ORIGIN",
          "upstream HLS origin (`http://` or `https://`) the media server proxies");

  /** Blank by default: an event's stream URL makes media servers fetch only where ops allowed. */
  public static final Setting<List<StreamSource>> EVENT_ORIGINS =
      new Setting<>(
          "EVENT_ORIGINS",
          "",
          "none (events' own stream URLs are not followed)",
          "comma-separated http(s) origins, each with an optional folder, that an event's stream"
              + " URL may name as its source; an event naming another is served as if it named"
              + " none",
          MediaSettings::origins);

  public static final Setting<Long> UPSTREAM_TIMEOUT_SECONDS =
      Setting.wholeNumber(
          "UPSTREAM_TIMEOUT_SECONDS",
          10,
          1,
          Long.MAX_VALUE,
          "seconds",
          "an upstream that sends nothing for this long has failed (502)");

  public static final Setting<Optional<Path>> SEGMENT_CACHE_ROOT =
      path(
              "SEGMENT_CACHE_ROOT",
              "where upstream files are cached; unset and no `STREAM_ROOT`: no cache")
          .shown(
              "`STREAM_ROOT/cache` when an upstream is set, else none; `DATA/segment-cache` with"
                  + " the launcher");

  public static final Setting<Double> SEGMENT_CACHE_MAX_SIZE_GB =
      Setting.number(
          "SEGMENT_CACHE_MAX_SIZE_GB",
          50,
          0,
          "cache size cap in GB; least recently used files are evicted");

  public static final Setting<Double> SEGMENT_CACHE_MAX_AGE_HOURS =
      Setting.number(
          "SEGMENT_CACHE_MAX_AGE_HOURS",
          72,
          0,
          "files older than this are removed by the periodic sweep");

  public static final Setting<Long> SEGMENT_CACHE_SWEEP_MINUTES =
      Setting.wholeNumber(
          "SEGMENT_CACHE_SWEEP_MINUTES",
          10,
          1,
          Long.MAX_VALUE,
          "minutes",
          "how often the segment cache removes files older than `SEGMENT_CACHE_MAX_AGE_HOURS`");

  public static final Setting<String> CORS_ALLOWED_ORIGIN =
      Setting.text("CORS_ALLOWED_ORIGIN", "*", "origin allowed to fetch streams from a browser");

  public static final Setting<Long> SHUTDOWN_GRACE_SECONDS =
      Setting.wholeNumber(
          "SHUTDOWN_GRACE_SECONDS",
          20,
          0,
          Long.MAX_VALUE,
          "seconds",
          "media: how long a stop waits for responses under way (`0`: stop at once)");

  public static final Setting<Long> MEDIA_MAX_RESPONSES =
      Setting.wholeNumber(
          "MEDIA_MAX_RESPONSES",
          2000,
          1,
          Integer.MAX_VALUE,
          "stream responses under way at once on one media server; beyond it 503");

  public static final Setting<Long> MEDIA_SLOW_READER_SECONDS =
      Setting.wholeNumber(
          "MEDIA_SLOW_READER_SECONDS",
          20,
          2,
          3600,
          "seconds",
          "a stream response whose reader takes less than 16 KiB/s for this long is ended and its"
              + " place freed");

  public static final Setting<Long> MEDIA_RESPONSE_MEMORY_MB =
      Setting.wholeNumber(
          "MEDIA_RESPONSE_MEMORY_MB",
          160,
          0,
          1L << 30,
          "memory that responses under way may hold (a file many viewers fetch counts once);"
              + " beyond it files stream from disk, then 503");

  public static final Setting<Long> MEDIA_MEMORY_CACHE_MB =
      Setting.wholeNumber(
          "MEDIA_MEMORY_CACHE_MB",
          128,
          0,
          1L << 30,
          "recently served files (up to 8 MB each) kept in memory");

  public static final Setting<Optional<Path>> ACCESS_LOG_FILE =
      path("ACCESS_LOG_FILE", "JSON access log of the media server; blank: the server log")
          .shown("none (the server log); `DATA/logs/access.log` with the launcher");

  public static final Setting<Optional<RevocationSync>> REVOCATION_SYNC =
      Setting.whenSet(
              "REVOCATION_SYNC",
              "media: `grid` follows the data grid, `poll` polls the platform (edge servers)",
              value -> RevocationSync.of(value, true))
          .shown("`grid` when a data grid runs, else `poll`");

  public static final Setting<Long> REVOCATION_POLL_INTERVAL_MS =
      Setting.wholeNumber(
          "REVOCATION_POLL_INTERVAL_MS",
          30000,
          100,
          Long.MAX_VALUE,
          "edge media: how often the revocation feed is polled, in milliseconds (at least 100)");

  public static final Setting<Optional<String>> PLATFORM_APP_URL =
      Setting.httpUrl(
              "PLATFORM_APP_URL",
              "where the media server fetches the platform's public keys (and polls revocations"
                  + " in edge mode); required with `STREAMGATE_ROLE=media`")
          .shown("none; this server with the launcher");

  public static final Setting<Optional<String>> PLAYBACK_PUBLIC_KEYS =
      Setting.optional(
          "PLAYBACK_PUBLIC_KEYS",
          "a JWK set to trust instead of fetching the platform's keys",
          MediaSettings::notAJwkSet);

  public static final Setting<SharingMode> TOKEN_SHARING =
      new Setting<>(
          "TOKEN_SHARING",
          "end",
          null,
          "media: a session's token played by several clients at once: `end` the session, `flag`"
              + " it for the admin only, or `off`",
          SharingMode::of);

  /** The settings of the media server, shared ones included. */
  public static List<Setting<?>> all() {
    return List.of(
        STREAM_ROOT,
        UPSTREAM_ORIGIN,
        EVENT_ORIGINS,
        UPSTREAM_TIMEOUT_SECONDS,
        SEGMENT_CACHE_ROOT,
        SEGMENT_CACHE_MAX_SIZE_GB,
        SEGMENT_CACHE_MAX_AGE_HOURS,
        SEGMENT_CACHE_SWEEP_MINUTES,
        CORS_ALLOWED_ORIGIN,
        SHUTDOWN_GRACE_SECONDS,
        MEDIA_MAX_RESPONSES,
        MEDIA_SLOW_READER_SECONDS,
        MEDIA_RESPONSE_MEMORY_MB,
        MEDIA_MEMORY_CACHE_MB,
        ACCESS_LOG_FILE,
        REVOCATION_SYNC,
        REVOCATION_POLL_INTERVAL_MS,
        PLATFORM_APP_URL,
        PLAYBACK_PUBLIC_KEYS,
        TOKEN_SHARING,
        SharedSettings.TRUSTED_PROXIES,
        SharedSettings.INTERNAL_API_KEY);
  }

  /**
   * Reads and checks every setting from {@code source} (MicroProfile Config at start-up). Throws
   * with one line naming the first setting that is wrong.
   */
  public static MediaSettings read(Function<String, Optional<String>> source) {
    Optional<Path> streamRoot = STREAM_ROOT.read(source);
    Optional<String> upstreamOrigin = UPSTREAM_ORIGIN.read(source);
    List<StreamSource> eventOrigins = EVENT_ORIGINS.read(source);
    long upstreamTimeoutSeconds = UPSTREAM_TIMEOUT_SECONDS.read(source);
    Optional<Path> cacheRoot = SEGMENT_CACHE_ROOT.read(source);
    boolean upstream = upstreamOrigin.isPresent() || !eventOrigins.isEmpty();
    if (cacheRoot.isEmpty() && upstream) {
      cacheRoot = streamRoot.map(root -> root.resolve("cache"));
    }
    MediaSettings settings =
        new MediaSettings(
            streamRoot,
            upstreamOrigin,
            eventOrigins,
            upstreamTimeoutSeconds,
            cacheRoot,
            SEGMENT_CACHE_MAX_SIZE_GB.read(source),
            SEGMENT_CACHE_MAX_AGE_HOURS.read(source),
            SEGMENT_CACHE_SWEEP_MINUTES.read(source),
            CORS_ALLOWED_ORIGIN.read(source),
            SHUTDOWN_GRACE_SECONDS.read(source),
            MEDIA_MAX_RESPONSES.read(source),
            MEDIA_SLOW_READER_SECONDS.read(source),
            MEDIA_RESPONSE_MEMORY_MB.read(source),
            MEDIA_MEMORY_CACHE_MB.read(source),
            ACCESS_LOG_FILE.read(source),
            REVOCATION_SYNC.read(source),
            REVOCATION_POLL_INTERVAL_MS.read(source),
            PLATFORM_APP_URL.read(source),
            PLAYBACK_PUBLIC_KEYS.read(source),
            TOKEN_SHARING.read(source),
            SharedSettings.TRUSTED_PROXIES.read(source),
            SharedSettings.INTERNAL_API_KEY.read(source));
    if (streamRoot.isEmpty() && !upstream) {
      throw new IllegalArgumentException(
          "STREAM_ROOT or UPSTREAM_ORIGIN must be set: this media server has nothing to serve");
    }
    if (settings.revocationSync().equals(Optional.of(RevocationSync.POLL))
        && settings.internalApiKey().isEmpty()) {
      throw new IllegalArgumentException(
          "REVOCATION_SYNC=poll needs INTERNAL_API_KEY, the platform's key");
    }
    return settings;
  }

  /** How this server keeps revocations current: as configured, else the grid when one runs. */
  public RevocationSync revocationSync(boolean gridRunning) {
    return revocationSync.orElse(gridRunning ? RevocationSync.GRID : RevocationSync.POLL);
  }

  private static Setting<Optional<Path>> path(String name, String meaning) {
    return Setting.whenSet(
        name,
        meaning,
        value -> {
          try {
            return Path.of(value);
          } catch (InvalidPathException e) {
            throw Setting.refused(name + " must be a path", value);
          }
        });
  }

  private static List<StreamSource> origins(String value) {
    List<StreamSource> origins = new ArrayList<>();
    for (String origin : value.split(",")) {
      if (origin.isBlank()) {
        continue;
      }
      try {
        StreamSource trusted = StreamSource.parse(origin);
        if (trusted.playlist().isPresent()) {
          throw Setting.refused("EVENT_ORIGINS names origins and folders, not playlists", origin);
        }
        origins.add(trusted);
      } catch (StreamSource.Problem problem) {
        throw Setting.refused(
            "EVENT_ORIGINS must list http(s) URLs without credentials, query or fragment", origin);
      }
    }
    return List.copyOf(origins);
  }

  private static Optional<String> notAJwkSet(String value) {
    try {
      com.nimbusds.jose.jwk.JWKSet.parse(value);
      return Optional.empty();
    } catch (ParseException e) {
      return Optional.of("PLAYBACK_PUBLIC_KEYS is not a JWK set");
    }
  }
}
