package io.streamgate.system;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: a request line with any target (dot
 * segments, backslashes, bad escapes), any headers (a second Host, a forged one), any framing (a
 * wrong Content-Length, chunks without an end), sent at any pace. What {@code java.net.http} would
 * refuse to send or would send differently.
 */
final class RawHttp {

  /** An answer; {@code status} 0 when the server closed or stayed silent without answering. */
  record Answer(int status, List<String> headers, String body, boolean timedOut) {

    Optional<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(line -> line.substring(prefix.length()).strip())
          .findFirst();
    }

    List<String> headers(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(line -> line.substring(prefix.length()).strip())
          .toList();
    }

    @Override
    public String toString() {
      return status + " " + body.substring(0, Math.min(200, body.length())).replace('\n', ' ');
    }
  }

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /**
   * A plain request from 127.0.0.1 with the given headers, which may name another Host; adds Host
   * (unless given), Content-Length for a body, and Connection: close.
   */
  Answer send(String method, String target, Map<String, String> headers, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(UTF_8);
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Host"))) {
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    return exchange("127.0.0.1", head.toString(), bytes, 0, Duration.ZERO, Duration.ofSeconds(20));
  }

  /**
   * Writes the request head and body as given (nothing is added: the caller writes Host and
   * Connection), pausing {@code pause} between chunks of {@code chunk} bytes when the pause is not
   * zero, then reads the answer until the server closes or {@code wait} passes.
   */
  Answer exchange(String from, String head, byte[] body, int chunk, Duration pause, Duration wait) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout((int) wait.toMillis());
      OutputStream out = socket.getOutputStream();
      byte[] request = concat(head.getBytes(ISO_8859_1), body);
      try {
        write(out, request, chunk, pause);
      } catch (IOException e) {
        // The server may answer and close before the whole body was written (e.g. 413).
      }
      return read(socket.getInputStream(), head.startsWith("HEAD "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(e);
    }
  }

  private static void write(OutputStream out, byte[] request, int chunk, Duration pause)
      throws Exception {
    if (pause.isZero()) {
      out.write(request);
      out.flush();
      return;
    }
    // The pace is the attack (a slow sender holding a connection), not a wait for the server.
    int chunks = (request.length + chunk - 1) / chunk;
    Cadence.run(
        chunks,
        n -> pause,
        pause.multipliedBy(chunks).plusSeconds(30),
        n -> {
          int at = n * chunk;
          out.write(request, at, Math.min(chunk, request.length - at));
          out.flush();
          return true;
        });
  }

  /**
   * Reads until the server closes, the wait runs out, or a whole answer has arrived: a server may
   * keep the connection open after its answer (Grizzly does after refusing some request lines,
   * despite its own "Connection: close"), and what the client received is the answer all the same.
   */
  private static Answer read(InputStream in, boolean head) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean timedOut = false;
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
        if (complete(received.toByteArray(), head)) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      timedOut = true;
    } catch (IOException e) {
      // Reset by the server: what was read so far is the answer.
    }
    return parse(received.toByteArray(), timedOut);
  }

  /** A final answer (not 1xx) whose body is there in full, as its head announced. */
  static boolean complete(byte[] bytes, boolean head) {
    String text = new String(bytes, ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      return false;
    }
    Answer answer = parse(java.util.Arrays.copyOf(bytes, end + 4), false);
    int status = answer.status();
    if (status < 200) {
      return false;
    }
    if (head || status == 204 || status == 304) {
      return true;
    }
    if (answer.header("Transfer-Encoding").isPresent()) {
      return text.endsWith("\r\n0\r\n\r\n");
    }
    return answer
        .header("Content-Length")
        .map(length -> bytes.length - end - 4 >= Long.parseLong(length.strip()))
        .orElse(false);
  }

  static Answer parse(byte[] bytes, boolean timedOut) {
    String text = new String(bytes, ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      return new Answer(0, List.of(), new String(bytes, UTF_8), timedOut);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
    byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    Answer head = new Answer(Integer.parseInt(statusLine[1]), headers, "", timedOut);
    if (head.header("Transfer-Encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
      body = dechunk(body);
    }
    return new Answer(head.status(), headers, new String(body, UTF_8), timedOut);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeLine = new String(chunked, at, lineEnd - at, ISO_8859_1).split(";")[0].strip();
      int size;
      try {
        size = Integer.parseInt(sizeLine, 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(chunked, start, Math.min(size, chunked.length - start));
      at = start + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
