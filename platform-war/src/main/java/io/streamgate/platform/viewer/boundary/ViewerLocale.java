package io.streamgate.platform.viewer.boundary;

import io.streamgate.platform.clients.boundary.Clients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The language of the viewer portal and the embed page: English, German, French or Spanish. A
 * viewer's choice in the header ({@code ?lang=}, kept a year in the {@code streamgate-lang} cookie)
 * wins; then the browser's {@code Accept-Language}, in its order; then English. Anything else in
 * either (an unknown language, a malformed header) counts as not said.
 */
@Named
@RequestScoped
public class ViewerLocale {

  /** The bundle of the portal's words, in {@code messages*.properties} beside this package. */
  static final String BUNDLE = "io.streamgate.platform.viewer.messages";

  static final List<Locale> SUPPORTED =
      List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));

  static final String COOKIE = "streamgate-lang";

  private static final int A_YEAR = 365 * 24 * 3600;

  @Inject HttpServletRequest request;

  @Inject Clients clients;

  private Locale locale;

  /**
   * The language this page is in; a {@code ?lang=} choice is remembered for the next pages. The
   * answer depends on the request's language and cookie: no shared cache may keep it for others.
   */
  public Locale getLocale() {
    if (locale == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      if (faces != null && !faces.getExternalContext().isResponseCommitted()) {
        faces.getExternalContext().setResponseHeader("Vary", "Accept-Language, Cookie");
        faces.getExternalContext().setResponseHeader("Cache-Control", "private, no-cache");
      }
      Optional<Locale> chosen = supported(request.getParameter("lang"));
      chosen.ifPresent(this::remember);
      locale =
          chosen
              .or(() -> cookie().flatMap(ViewerLocale::supported))
              .or(this::fromBrowser)
              .orElse(Locale.ENGLISH);
    }
    return locale;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  /** The languages of the switch in the header, each named in itself. */
  public List<Map.Entry<String, String>> getChoices() {
    return SUPPORTED.stream()
        .map(
            choice ->
                Map.entry(
                    choice.getLanguage(),
                    ResourceBundle.getBundle(BUNDLE, choice).getString("language.name")))
        .toList();
  }

  /** The player's words for viewer.js, as one JSON object (the {@code js.} keys, unprefixed). */
  public String getScriptMessages() {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, getLocale());
    JsonObjectBuilder words = Json.createObjectBuilder();
    for (String key : Collections.list(bundle.getKeys())) {
      if (key.startsWith("js.")) {
        words.add(key.substring("js.".length()), bundle.getString(key));
      }
    }
    return words.build().toString();
  }

  private Optional<Locale> fromBrowser() {
    // Without the header the container answers the server's own default locale: not the viewer's.
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    // The container parses it; what it cannot parse gives no locale, not an error.
    for (Locale wanted : Collections.list(request.getLocales())) {
      Optional<Locale> match = supported(wanted.getLanguage());
      if (match.isPresent()) {
        return match;
      }
    }
    return Optional.empty();
  }

  private Optional<String> cookie() {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return Optional.ofNullable(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private void remember(Locale chosen) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces == null || faces.getExternalContext().isResponseCommitted()) {
      return;
    }
    faces
        .getExternalContext()
        .addResponseCookie(
            COOKIE,
            chosen.getLanguage(),
            Map.of(
                "maxAge",
                A_YEAR,
                "path",
                request.getContextPath().isEmpty() ? "/" : request.getContextPath(),
                "httpOnly",
                Boolean.TRUE,
                "secure",
                clients.https(request),
                "SameSite",
                "Lax"));
  }

  /** The supported language {@code tag} names (its language part, any case), if any. */
  static Optional<Locale> supported(String tag) {
    if (tag == null || tag.length() > 35) {
      return Optional.empty();
    }
    String language = Locale.forLanguageTag(tag.strip()).getLanguage();
    return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
  }
}
