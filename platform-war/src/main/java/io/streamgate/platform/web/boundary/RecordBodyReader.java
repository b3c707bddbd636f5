package io.streamgate.platform.web.boundary;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Request bodies declared as records, read by {@link JsonRecords}. The text is decoded as Jersey
 * decodes a {@code String} body (the charset of the Content-Type, UTF-8 by default, malformed bytes
 * replaced), so every body is refused or accepted as when resources took strings. Any media type:
 * the resource method's {@code @Consumes} has already chosen.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class RecordBodyReader implements MessageBodyReader<Record> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    Set<String> ignored = new HashSet<>();
    for (Annotation annotation : annotations) {
      if (annotation instanceof IgnoredFields fields) {
        ignored.addAll(List.of(fields.value()));
      }
    }
    return JsonRecords.read(
        new String(body.readAllBytes(), charset(mediaType)), type, ignored, JsonRecords::validate);
  }

  private static Charset charset(MediaType mediaType) {
    String name =
        mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
  }
}
