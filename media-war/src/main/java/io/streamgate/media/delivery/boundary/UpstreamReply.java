package io.streamgate.media.delivery.boundary;

import io.streamgate.media.delivery.control.DeliveryMetrics;
import io.streamgate.media.delivery.control.ResponseLimits;
import io.streamgate.media.streams.entity.StreamRequest;
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
 * The fetch's memory is held for the response within {@link ResponseLimits} (503 when there is no
 * room).
 */
final class UpstreamReply implements Runnable {

  private static final Logger LOG = Logger.getLogger(UpstreamReply.class.getName());

  private final HttpServletRequest req;
  private final AsyncContext async;
  private final StreamRequest stream;
  private final Fetch fetch;
  private final ResponseLimits.Response response;
  private final DeliveryMetrics metrics;
  private boolean answered;

  private UpstreamReply(
      HttpServletRequest req,
      AsyncContext async,
      StreamRequest stream,
      Fetch fetch,
      ResponseLimits.Response response,
      DeliveryMetrics metrics) {
    this.req = req;
    this.async = async;
    this.stream = stream;
    this.fetch = fetch;
    this.response = response;
    this.metrics = metrics;
  }

  static void start(
      HttpServletRequest req,
      StreamRequest stream,
      Fetch fetch,
      ResponseLimits.Response response,
      DeliveryMetrics metrics) {
    AsyncContext async = req.startAsync();
    async.setTimeout(StreamServlet.ASYNC_TIMEOUT_MS);
    fetch.watch(new UpstreamReply(req, async, stream, fetch, response, metrics));
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
      byte[] body = whole ? fetch.body() : null;
      if (!response.hold(whole ? body : fetch, whole ? body.length : head.contentLength())) {
        Admission.busy(res, ResponseLimits.Refusal.MEMORY, metrics);
        async.complete();
        return;
      }
      head.lastModified().ifPresent(date -> res.setHeader("Last-Modified", date));
      if (whole) {
        StreamServlet.sendWhole(req, res, async, stream.type(), body, null, response);
        return;
      }
      res.setContentType(stream.type().contentType());
      res.setHeader("Cache-Control", StreamServlet.caching(stream.type()));
      res.setContentLengthLong(head.contentLength());
      if ("HEAD".equals(req.getMethod())) {
        async.complete();
        return;
      }
      new FetchSender(async, fetch, response).start();
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
