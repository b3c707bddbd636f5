package io.streamgate.media.upstream.control;

import io.streamgate.common.grid.AccessView;
import io.streamgate.common.grid.AccessView.Source;
import io.streamgate.common.playback.StreamPaths;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The origins events name for themselves ({@link StreamSource}), as the platform publishes them
 * (the grid's access view, or the revocation feed on edge servers), answered from memory on every
 * request. An event's files come from its origin only when that lies under one of {@code
 * EVENT_ORIGINS}: what an admin types never makes a media server fetch from anywhere ops did not
 * allow. An event whose origin is not allowed is served as if it named none, and that is logged.
 * Each origin has a tag (a digest of its folder) under which its files are cached and shared, so
 * files of an event's former origin are never served for the new one: nothing needs clearing when
 * an origin changes, here or on a server that was stopped meanwhile.
 */
@ApplicationScoped
public class EventSources {

  private static final Logger LOG = Logger.getLogger(EventSources.class.getName());

  List<StreamSource> trusted;

  /** An origin this server may fetch from, with the tag its files are kept under. */
  public record Own(StreamSource source, String tag) {}

  /** Origin per event, as published (checked again here, allowed or not). */
  private final Map<String, Named> named = new ConcurrentHashMap<>();

  private record Named(Own own, boolean allowed) {}

  @Inject
  void configure(MediaSettings settings) {
    trusted = settings.eventOrigins();
  }

  /** The origin this event's files come from, when it names one this server may fetch from. */
  public Optional<Own> of(String eventId) {
    Named origin = named.get(eventId);
    return origin != null && origin.allowed() ? Optional.of(origin.own()) : Optional.empty();
  }

  /** True when some event's files may come from an origin of its own. */
  public boolean any() {
    return !trusted.isEmpty();
  }

  /** A change: the event now names this folder, or none (null). */
  public void set(String eventId, String folder) {
    Optional<Named> origin = parse(eventId, folder).map(this::named);
    Named before = origin.isPresent() ? named.put(eventId, origin.get()) : named.remove(eventId);
    if (!Objects.equals(before, origin.orElse(null))) {
      changed(eventId, origin);
    }
  }

  /** Applies a grid key that was added; keys of other kinds are ignored. */
  public void add(String key) {
    sourceOf(key).ifPresent(source -> set(source.eventId(), source.folder()));
  }

  /**
   * Applies a grid key that was removed: the event names no origin, unless it names another one
   * already (a changed origin is published as the new key, then the old key's removal).
   */
  public void remove(String key) {
    sourceOf(key)
        .ifPresent(
            gone ->
                parse(gone.eventId(), gone.folder())
                    .ifPresent(
                        source -> {
                          if (named.remove(gone.eventId(), named(source))) {
                            changed(gone.eventId(), Optional.empty());
                          }
                        }));
  }

  /** Makes the origins those these grid keys name (a full read of the grid). */
  public void replaceWith(Collection<String> keys) {
    Map<String, String> folders = new HashMap<>();
    keys.stream()
        .map(EventSources::sourceOf)
        .flatMap(Optional::stream)
        .forEach(source -> folders.put(source.eventId(), source.folder()));
    replaceWith(folders);
  }

  /** Makes the origins exactly these folders by event (a full read of the feed). */
  public void replaceWith(Map<String, String> folders) {
    Map<String, Named> wanted = new HashMap<>();
    folders.forEach(
        (eventId, folder) ->
            parse(eventId, folder).ifPresent(source -> wanted.put(eventId, named(source))));
    named.putAll(wanted);
    named.keySet().retainAll(wanted.keySet());
  }

  /** Events naming an origin of their own, allowed or not. */
  public int size() {
    return named.size();
  }

  private Named named(StreamSource source) {
    return new Named(new Own(source, tag(source)), allowed(source));
  }

  private boolean allowed(StreamSource source) {
    for (StreamSource origin : trusted) {
      if (source.isUnder(origin)) {
        return true;
      }
    }
    return false;
  }

  private static void changed(String eventId, Optional<Named> origin) {
    if (origin.isPresent() && !origin.get().allowed()) {
      LOG.log(
          Level.WARNING,
          "Event {0} names {1} as its origin, which EVENT_ORIGINS does not allow; serving it as if"
              + " it named none",
          new Object[] {eventId, origin.get().own().source().folder()});
    } else {
      LOG.log(
          Level.INFO,
          "Event {0} is served from {1}",
          new Object[] {
            eventId,
            origin.map(o -> o.own().source().folder().toString()).orElse("its default place")
          });
    }
  }

  /** 16 hex digits of the folder's SHA-256: a name for the folder its cached files sit in. */
  private static String tag(StreamSource source) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(source.folder().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Optional<Source> sourceOf(String key) {
    return AccessView.parse(key).flatMap(AccessView::source);
  }

  /** A published folder, checked as the platform checks it; anything else counts as none. */
  private static Optional<StreamSource> parse(String eventId, String folder) {
    Optional<StreamSource> source =
        StreamSource.of(folder)
            .filter(s -> s.playlist().isEmpty() && StreamPaths.isPlainName(eventId));
    if (folder != null && source.isEmpty()) {
      LOG.log(Level.WARNING, "Event {0}: an unusable origin was published; ignored", eventId);
    }
    return source;
  }
}
