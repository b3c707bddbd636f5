package io.streamgate.platform.web.boundary;

import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Browser hardening on every platform response: no MIME sniffing, no framing, referrers only to the
 * own origin in full, a Content-Security-Policy the portal and the console satisfy, and HSTS once
 * the request came over HTTPS (directly, or through a proxy of {@code TRUSTED_PROXIES} that says so
 * in {@code X-Forwarded-Proto}).
 *
 * <p>The policy allows inline scripts and styles because JSF and PrimeFaces write both into the
 * pages; everything else - scripts, fonts, media, connections - comes from this origin, plus the
 * media server's when {@code HLS_SERVER_BASE_URL} puts it on another port.
 */
// ERROR too: the error page's answer keeps the headers even where the container reset the response.
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String HSTS = "max-age=31536000; includeSubDomains";

  /**
   * The servlet of the embed page ({@code /embed/{id}}): it may be framed by the sites its event
   * names, so this filter leaves framing to it ({@link #embeddable}). Told apart by the servlet the
   * container mapped the request to, never by its path.
   */
  public static final String EMBED_SERVLET = "embed";

  @Inject Clients clients;

  Optional<String> mediaServer;

  @Inject
  void configure(PlatformSettings settings) {
    mediaServer = settings.hlsServerBaseUrl();
  }

  private String policy;

  private Optional<String> mediaSource;

  @Override
  public void init() {
    mediaSource = mediaServer.map(SecurityHeaders::mediaSource);
    policy = policy(mediaSource);
    getServletContext().setAttribute(SecurityHeaders.class.getName(), this);
  }

  /**
   * Writes the headers on an answer given before the servlet filters run (the authentication
   * mechanism's redirect to the console's login page).
   */
  public static void write(HttpServletRequest request, HttpServletResponse response) {
    if (request.getServletContext().getAttribute(SecurityHeaders.class.getName())
        instanceof SecurityHeaders headers) {
      headers.headers(request, response);
    }
  }

  static String policy(Optional<String> mediaSource) {
    return policy(mediaSource, "'none'");
  }

  /** The policy with {@code frameAncestors} (a CSP source list) as who may frame the page. */
  static String policy(Optional<String> mediaSource, String frameAncestors) {
    String media = mediaSource.map(source -> " " + source).orElse("");
    return "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'"
        + "; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'"
        + media
        + "; media-src 'self' blob:"
        + media
        + "; worker-src 'self' blob:; object-src 'none'; frame-ancestors "
        + frameAncestors
        + "; base-uri 'self'"
        + "; form-action 'self'";
  }

  /**
   * The media server as a CSP source: its scheme and port on any host, since the platform hands
   * each viewer the host name they used (see {@code PlaybackLocations}).
   */
  static String mediaSource(String baseUrl) {
    URI uri = URI.create(baseUrl.trim());
    return uri.getScheme() + "://*" + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /**
   * The framing headers of an embed page: {@code frame-ancestors} the given sites (canonical
   * origins, see {@code EmbedOrigins}), or nobody when there are none.
   */
  public static void embeddable(
      HttpServletRequest request, HttpServletResponse response, List<String> origins) {
    if (request.getServletContext().getAttribute(SecurityHeaders.class.getName())
        instanceof SecurityHeaders headers) {
      String ancestors = origins.isEmpty() ? "'none'" : String.join(" ", origins);
      response.setHeader("Content-Security-Policy", policy(headers.mediaSource, ancestors));
      if (origins.isEmpty()) {
        response.setHeader("X-Frame-Options", "DENY");
      }
    } else {
      // Not set up (cannot happen once deployed): nobody may frame it, rather than anybody.
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    }
  }

  private static boolean embedPage(HttpServletRequest request) {
    return request.getDispatcherType() == DispatcherType.REQUEST
        && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && EMBED_SERVLET.equals(request.getHttpServletMapping().getServletName());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    headers(request, response);
    chain.doFilter(request, response);
  }

  private void headers(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!embedPage(request)) {
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Content-Security-Policy", policy);
    }
    if (clients.https(request)) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
  }
}
