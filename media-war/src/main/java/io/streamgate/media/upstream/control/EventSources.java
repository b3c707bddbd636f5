package io.streamgate.media.upstream.control;

import io.streamgate.common.grid.AccessView;
import io.streamgate.common.grid.AccessView.Source;
import io.streamgate.common.playback.StreamPaths;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.media.cache.control.SegmentCache;
import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
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
 * When a running server learns that an event's origin changed, the event's cached files go: they
 * came from the old one.
 */
@ApplicationScoped
public class EventSources {

  private static final Logger LOG = Logger.getLogger(EventSources.class.getName());

  @Inject SegmentCache cache;

  List<StreamSource> trusted;

  /** Folder URL per event, as published (checked again here, allowed or not). */
  private final Map<String, StreamSource> named = new ConcurrentHashMap<>();

  @Inject
  void configure(MediaSettings settings) {
    trusted = settings.eventOrigins();
  }

  /** The origin this event's files come from, when it names one this server may fetch from. */
  public Optional<StreamSource> of(String eventId) {
    return Optional.ofNullable(named.get(eventId)).filter(this::allowed);
  }

  /** True when some event's files may come from an origin of its own. */
  public boolean any() {
    return !trusted.isEmpty();
  }

  /** A change: the event now names this folder, or none (null). */
  public void set(String eventId, String folder) {
    Optional<StreamSource> source = parse(eventId, folder);
    Optional<StreamSource> before =
        Optional.ofNullable(
            source.isPresent() ? named.put(eventId, source.get()) : named.remove(eventId));
    changed(eventId, before, source);
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
                          if (named.remove(gone.eventId(), source)) {
                            changed(gone.eventId(), Optional.of(source), Optional.empty());
                          }
                        }));
  }

  /**
   * Makes the origins those these grid keys name (a full read of the grid). Nothing is dropped from
   * the cache: what it holds may well have come from these origins before a restart.
   */
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
    Map<String, StreamSource> wanted = new HashMap<>();
    folders.forEach(
        (eventId, folder) -> parse(eventId, folder).ifPresent(s -> wanted.put(eventId, s)));
    named.putAll(wanted);
    named.keySet().retainAll(wanted.keySet());
  }

  /** Events naming an origin, for health. */
  public int size() {
    return named.size();
  }

  private boolean allowed(StreamSource source) {
    for (StreamSource origin : trusted) {
      if (source.isUnder(origin)) {
        return true;
      }
    }
    return false;
  }

  private void changed(
      String eventId, Optional<StreamSource> before, Optional<StreamSource> after) {
    Optional<StreamSource> servedBefore = before.filter(this::allowed);
    Optional<StreamSource> servedAfter = after.filter(this::allowed);
    if (!Objects.equals(servedBefore, servedAfter)) {
      int dropped = cache.clearEvent(eventId);
      LOG.log(
          Level.INFO,
          "Event {0} now served from {1}; {2} cached files of its former source dropped",
          new Object[] {
            eventId, servedAfter.map(s -> s.folder().toString()).orElse("its default"), dropped
          });
    }
    if (after.isPresent() && servedAfter.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Event {0} names {1} as its origin, which EVENT_ORIGINS does not allow; serving it as if"
              + " it named none",
          new Object[] {eventId, after.get().folder()});
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
