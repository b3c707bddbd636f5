package io.streamgate.media.delivery.boundary;

import io.streamgate.media.delivery.control.StreamRequest;
import io.streamgate.media.upstream.control.Fetch;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one viewer from an upstream fetch, as soon as enough is known: the status (404 for a file
 * the origin does not have, 502 when it fails), then a segment streams as it arrives; a manifest,
 * or a body of unknown length, is sent once complete. Runs on whichever thread moves the fetch on.
 */
final class UpstreamReply implements Runnable {

  private static final Logger LOG = Logger.getLogger(UpstreamReply.class.getName());

  private final HttpServletRequest req;
  private final AsyncContext async;
  private final StreamRequest stream;
  private final Fetch fetch;
  private boolean answered;

  private UpstreamReply(
      HttpServletRequest req, AsyncContext async, StreamRequest stream, Fetch fetch) {
    this.req = req;
    this.async = async;
    this.stream = stream;
    this.fetch = fetch;
  }

  static void start(HttpServletRequest req, StreamRequest stream, Fetch fetch) {
    AsyncContext async = req.startAsync();
    async.setTimeout(StreamServlet.ASYNC_TIMEOUT_MS);
    fetch.watch(new UpstreamReply(req, async, stream, fetch));
  }

  @Override
  public synchronized void run() {
    if (answered) {
      return;
    }
    HttpServletResponse res = (HttpServletResponse) async.getResponse();
    try {
      if (fetch.failed()) {
        answer();
        fail(res, HttpServletResponse.SC_BAD_GATEWAY);
        return;
      }
      Fetch.Head head = fetch.head().orElse(null);
      if (head == null) {
        return;
      }
      if (head.status() != 200) {
        answer();
        boolean missing = head.status() == 404 || head.status() == 410;
        fail(res, missing ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_GATEWAY);
        return;
      }
      boolean whole = stream.type().isManifest() || head.contentLength() < 0;
      if (whole && !fetch.done()) {
        return;
      }
      answer();
      head.lastModified().ifPresent(date -> res.setHeader("Last-Modified", date));
      if (whole) {
        StreamServlet.sendWhole(req, res, async, stream.type(), fetch.body(), null);
        return;
      }
      res.setContentType(stream.type().contentType());
      res.setHeader("Cache-Control", StreamServlet.CACHE_VOD);
      res.setContentLengthLong(head.contentLength());
      if ("HEAD".equals(req.getMethod())) {
        async.complete();
        return;
      }
      new FetchSender(async, fetch).start();
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "upstream reply failed", e);
      async.complete();
    }
  }

  private void answer() {
    answered = true;
    fetch.unwatch(this);
  }

  private void fail(HttpServletResponse res, int status) throws IOException {
    MediaResponses.error(res, status);
    async.complete();
  }
}
