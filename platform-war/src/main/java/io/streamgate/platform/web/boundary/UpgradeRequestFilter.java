package io.streamgate.platform.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers requests that ask for a protocol upgrade the server does not make (above all {@code
 * Upgrade: h2c}, which Java's default {@code HttpClient} and {@code curl --http2} send) over plain
 * HTTP/1.1, body included.
 *
 * <p>Grizzly hands the bytes after the headers of any request with an {@code Upgrade} header to the
 * application raw, without applying {@code Content-Length} or chunking, and never marks them
 * complete: it expects the upgraded protocol's handler to take the connection over. With HTTP/2 off
 * (see {@code pre-boot-commands.asadmin}) nothing does, so a reader of such a body waits for its
 * end until the request times out, even an empty one. Here the body ends after {@code
 * Content-Length} bytes (at once without that header); a chunked body of such a request is refused
 * with 411, since its raw bytes still carry the chunk framing. Grizzly closes the connection after
 * the answer (no upgrade happened), so nothing of the raw stream is ever read as a next request.
 * WebSocket handshakes (a GET without body) pass unchanged.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UpgradeRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getHeader("Upgrade") == null) {
      chain.doFilter(request, response);
      return;
    }
    long length = request.getContentLengthLong();
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      JsonErrors.write(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Length required.");
      return;
    }
    if ("GET".equals(request.getMethod())
        && length <= 0
        && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      chain.doFilter(request, response); // a handshake, which the WebSocket container upgrades
      return;
    }
    // Without a length the body is empty (RFC 9112, 6.3); it must end at once here too.
    chain.doFilter(new BoundedBody(request, Math.max(length, 0)), response);
  }

  /** The request with a body that ends after its declared length. */
  static final class BoundedBody extends HttpServletRequestWrapper {

    private final long length;
    private ServletInputStream stream;

    BoundedBody(HttpServletRequest request, long length) {
      super(request);
      this.length = length;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new BoundedInputStream(super.getInputStream(), length);
      }
      return stream;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(
              getInputStream(),
              encoding == null ? java.nio.charset.StandardCharsets.ISO_8859_1.name() : encoding));
    }
  }

  /** Reads at most {@code remaining} bytes, then reports the end. */
  static final class BoundedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private long remaining;

    BoundedInputStream(ServletInputStream in, long length) {
      this.in = in;
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      remaining = b < 0 ? 0 : remaining - 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      remaining = n < 0 ? 0 : remaining - n;
      return n;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean isFinished() {
      return remaining <= 0 || in.isFinished();
    }

    @Override
    public boolean isReady() {
      return remaining <= 0 || in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
