package io.streamgate.platform.web.boundary;

import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No API request needs more than a few hundred bytes: larger bodies are refused with 413 before
 * they are read, whether announced by Content-Length or streamed in chunks.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

  static final int MAX_BYTES = 8 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BYTES) {
      throw BadRequestException.tooLarge();
    }
    request.setEntityStream(new Limited(request.getEntityStream()));
  }

  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw BadRequestException.tooLarge();
      }
    }
  }
}
