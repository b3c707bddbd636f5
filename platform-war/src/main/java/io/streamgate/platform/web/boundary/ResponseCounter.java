package io.streamgate.platform.web.boundary;

import io.streamgate.platform.metrics.control.PlatformMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts every platform response by status class ({@link PlatformMetrics}). */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResponseCounter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject PlatformMetrics metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      metrics.response(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      throw e;
    }
    metrics.response(response.getStatus());
  }
}
