package io.streamgate.media.delivery.boundary;

import io.streamgate.common.playback.Playlist;
import io.streamgate.media.cache.control.SegmentCache;
import io.streamgate.media.delivery.control.ByteRange;
import io.streamgate.media.delivery.control.DeliveryMetrics;
import io.streamgate.media.delivery.control.HotFiles;
import io.streamgate.media.delivery.control.LocalStreams;
import io.streamgate.media.delivery.control.ResponseLimits;
import io.streamgate.media.streams.control.Manifests;
import io.streamgate.media.streams.entity.FileType;
import io.streamgate.media.streams.entity.StreamRequest;
import io.streamgate.media.upstream.control.UpstreamOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Serves the HLS file a {@link MediaGate}-checked request asks for: from the local stream folder
 * (unless the event names its own origin), else the segment cache, else the event's origin or the
 * upstream origin. Segments stream asynchronously with Range support; manifests are read whole,
 * carry the query token into every URI when the player used one, and are never cached by clients
 * while live. Every response stays within {@link ResponseLimits}: a body held in memory is counted
 * against its budget; when the budget is spent a file is streamed from disk instead, and only when
 * even that has no room is the answer 503.
 */
@WebServlet(name = StreamServlet.NAME, urlPatterns = "/*", asyncSupported = true)
public class StreamServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String NAME = "streams";

  static final long ASYNC_TIMEOUT_MS = 10 * 60 * 1000L;

  /** VOD files do not change: clients may keep them for a day, privately (they are gated). */
  static final String CACHE_VOD = "private, max-age=86400";

  static final String CACHE_LIVE = "no-cache, no-store";

  /** Key files: no browser or shared cache keeps one. */
  static final String CACHE_SECRET = "no-store, private";

  @Inject LocalStreams local;

  @Inject HotFiles hot;

  @Inject SegmentCache cache;

  @Inject UpstreamOrigin upstream;

  @Inject DeliveryMetrics metrics;

  @Inject ResponseLimits limits;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    ResponseLimits.Response response = Admission.admit(req, res, limits, metrics);
    if (response == null) {
      return;
    }
    try {
      serve(req, res, response);
    } finally {
      Admission.whenDone(req, response);
    }
  }

  private void serve(
      HttpServletRequest req, HttpServletResponse res, ResponseLimits.Response response)
      throws IOException {
    StreamRequest stream = (StreamRequest) req.getAttribute(MediaGate.REQUEST);
    Optional<UpstreamOrigin.Route> route = upstream.route(stream);
    // An event that names its own origin is served from there, never from a local folder.
    boolean ownOrigin = route.filter(UpstreamOrigin.Route::ownOrigin).isPresent();
    Optional<Path> path = ownOrigin ? Optional.empty() : local.path(stream);
    if (path.isPresent() && serveFile(req, res, stream.type(), path.get(), response)) {
      return;
    }
    Optional<Path> cached = cache.lookup(route.map(UpstreamOrigin.Route::stored).orElse(stream));
    if (cached.isPresent() && serveFile(req, res, stream.type(), cached.get(), response)) {
      metrics.cacheHit();
      return;
    }
    if (route.isPresent()) {
      metrics.cacheMiss();
      UpstreamReply.start(req, stream, upstream.fetch(route.get()), response, metrics);
      return;
    }
    MediaResponses.error(res, HttpServletResponse.SC_NOT_FOUND);
  }

  /** A body fetched whole from upstream, on a request already in async mode. */
  static void sendWhole(
      HttpServletRequest req,
      HttpServletResponse res,
      AsyncContext async,
      FileType type,
      byte[] content,
      String etag,
      ResponseLimits.Response response)
      throws IOException {
    if (type.isManifest()) {
      sendManifest(req, res, content, etag, (String) req.getAttribute(MediaGate.QUERY_TOKEN));
      async.complete();
      return;
    }
    res.setContentType(type.contentType());
    res.setHeader("Cache-Control", caching(type));
    res.setContentLength(content.length);
    if ("HEAD".equals(req.getMethod()) || content.length == 0) {
      async.complete();
      return;
    }
    new BytesSender(async, content, 0, content.length, response).start();
  }

  /** False when there is no such regular file; the caller then tries the next source. */
  boolean serveFile(
      HttpServletRequest req,
      HttpServletResponse res,
      FileType type,
      Path path,
      ResponseLimits.Response response)
      throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      return false;
    }
    if (!attributes.isRegularFile()) {
      return false;
    }
    long length = attributes.size();
    if (type.isManifest() && length > Playlist.MAX_BYTES) {
      MediaResponses.error(res, HttpServletResponse.SC_BAD_GATEWAY); // not a playlist to serve
      return true;
    }
    long modified = attributes.lastModifiedTime().toMillis();
    String etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(modified) + "\"";
    if (length > HotFiles.MAX_FILE_BYTES) {
      return !type.isManifest()
          && streamFile(req, res, type, path, length, modified, etag, response);
    }
    byte[] content;
    try {
      content = hot.read(path, length, modified);
    } catch (IOException e) {
      return false;
    }
    if (response.hold(content, content.length)) {
      send(req, res, type, content, modified, etag, response);
      return true;
    }
    if (type.isManifest()) {
      Admission.busy(res, ResponseLimits.Refusal.MEMORY, metrics);
      return true;
    }
    // No room to hold the whole file for this response: stream it from disk, a chunk at a time.
    return streamFile(req, res, type, path, length, modified, etag, response);
  }

  /** A segment sent from the file; false when it cannot be opened (the next source is tried). */
  private boolean streamFile(
      HttpServletRequest req,
      HttpServletResponse res,
      FileType type,
      Path path,
      long length,
      long modified,
      String etag,
      ResponseLimits.Response response)
      throws IOException {
    byte[] buffer = FileSender.buffer(length);
    if (!response.hold(buffer, buffer.length)) {
      Admission.busy(res, ResponseLimits.Refusal.MEMORY, metrics);
      return true;
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException e) {
      return false;
    }
    Body body =
        (async, first, count) ->
            new FileSender(async, channel, buffer, first, count, response).start();
    boolean started = false;
    try {
      sendSegment(req, res, type, length, modified, etag, body, channel::close);
      started = true;
    } finally {
      if (!started) {
        channel.close(); // failed before a sender took the file over
      }
    }
    return true;
  }

  /** How long browsers may keep a file that is not a playlist. */
  static String caching(FileType type) {
    return type.isSecret() ? CACHE_SECRET : CACHE_VOD;
  }

  /** A file's whole content, from memory: a manifest, or a segment in the chosen range. */
  void send(
      HttpServletRequest req,
      HttpServletResponse res,
      FileType type,
      byte[] content,
      long modified,
      String etag,
      ResponseLimits.Response response)
      throws IOException {
    if (type.isManifest()) {
      res.setDateHeader("Last-Modified", modified);
      res.setHeader("ETag", etag);
      sendManifest(req, res, content, etag, (String) req.getAttribute(MediaGate.QUERY_TOKEN));
      return;
    }
    Body body =
        (async, first, count) ->
            new BytesSender(async, content, (int) first, (int) count, response).start();
    sendSegment(req, res, type, content.length, modified, etag, body, () -> {});
  }

  /** How the chosen bytes of a segment get written, once the headers are settled. */
  @FunctionalInterface
  interface Body {
    void start(AsyncContext async, long first, long count) throws IOException;
  }

  /** Releases what a body would have used when no body is sent. */
  @FunctionalInterface
  interface Unused {
    void release() throws IOException;
  }

  private static void sendSegment(
      HttpServletRequest req,
      HttpServletResponse res,
      FileType type,
      long length,
      long modified,
      String etag,
      Body body,
      Unused unused)
      throws IOException {
    res.setDateHeader("Last-Modified", modified);
    res.setHeader("ETag", etag);
    res.setContentType(type.contentType());
    res.setHeader("Cache-Control", caching(type));
    res.setHeader("Accept-Ranges", "bytes");
    if (notModified(req, etag)) {
      unused.release();
      res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    ByteRange range = ByteRange.parse(req.getHeader("Range"), length);
    if (range == ByteRange.UNSATISFIABLE) {
      unused.release();
      res.setHeader("Content-Range", "bytes */" + length);
      res.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
      return;
    }
    long first = 0;
    long count = length;
    if (range != ByteRange.WHOLE) {
      first = range.first();
      count = range.length();
      res.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      res.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
    }
    res.setContentLengthLong(count);
    if ("HEAD".equals(req.getMethod()) || count == 0) {
      unused.release();
      return;
    }
    AsyncContext async = req.startAsync();
    async.setTimeout(ASYNC_TIMEOUT_MS);
    body.start(async, first, count);
  }

  static void sendManifest(
      HttpServletRequest req,
      HttpServletResponse res,
      byte[] playlist,
      String etag,
      String queryToken)
      throws IOException {
    String text = new String(playlist, StandardCharsets.UTF_8);
    if (!Manifests.hasOnlyProperLineEnds(text)) {
      MediaResponses.error(res, HttpServletResponse.SC_BAD_GATEWAY); // not a playlist to pass on
      return;
    }
    boolean complete = Manifests.isComplete(text);
    res.setContentType(FileType.MANIFEST.contentType());
    res.setHeader("Cache-Control", complete ? CACHE_VOD : CACHE_LIVE);
    if (complete && etag != null && notModified(req, etag)) {
      res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body = playlist;
    if (queryToken != null) {
      Optional<String> withToken = Manifests.withToken(text, queryToken);
      if (withToken.isEmpty()) {
        MediaResponses.error(res, HttpServletResponse.SC_BAD_GATEWAY); // too big with the token
        return;
      }
      body = withToken.get().getBytes(StandardCharsets.UTF_8);
    }
    res.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      res.getOutputStream().write(body);
    }
  }

  private static boolean notModified(HttpServletRequest req, String etag) {
    String match = req.getHeader("If-None-Match");
    return match != null && (match.equals("*") || match.contains(etag));
  }
}
