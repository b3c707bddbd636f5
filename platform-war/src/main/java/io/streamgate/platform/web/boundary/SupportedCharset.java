package io.streamgate.platform.web.boundary;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/**
 * A body in a charset this Java cannot decode ({@code Content-Type: application/json;
 * charset=x-unknown}) is refused with 415 before anything reads it; decoding it would fail as a
 * 500.
 */
@Provider
@PreMatching
public class SupportedCharset implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !supported(charset)) {
      throw new NotSupportedException();
    }
  }

  static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}
