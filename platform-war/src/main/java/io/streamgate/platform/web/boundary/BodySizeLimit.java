package io.streamgate.platform.web.boundary;

import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * No API request needs more than a few hundred bytes: larger bodies are refused with 413 before
 * they are read, whether announced by Content-Length or streamed in chunks. A method that takes
 * files says how large they may be ({@link LargeBody}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

  static final int MAX_BYTES = 8 * 1024;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource == null ? null : resource.getResourceMethod();
    LargeBody large = method == null ? null : method.getAnnotation(LargeBody.class);
    long limit = large == null ? MAX_BYTES : large.bytes();
    if (request.getLength() > limit) {
      throw BadRequestException.tooLarge();
    }
    request.setEntityStream(new Limited(request.getEntityStream(), limit));
  }

  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
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
      if (read > limit) {
        throw BadRequestException.tooLarge();
      }
    }
  }
}
