package io.streamgate.platform.access.boundary;

import io.streamgate.common.internal.InternalApiKeys;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.ConsoleGuard;
import io.streamgate.platform.admin.boundary.SameOrigin;
import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.clients.control.InternalCallers;
import io.streamgate.platform.devices.control.DeviceCaller;
import io.streamgate.platform.devices.control.DeviceTokens;
import io.streamgate.platform.devices.control.Devices;
import io.streamgate.platform.devices.entity.DeviceRole;
import io.streamgate.platform.playback.boundary.PlaybackAuthentication;
import io.streamgate.platform.playback.control.PlaybackCallers;
import io.streamgate.platform.playback.control.PlaybackUnauthorizedException;
import io.streamgate.platform.web.boundary.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The platform's authentication mechanism: establishes, for every request, who is calling and in
 * which groups (mapped one to one to roles in {@code glassfish-web.xml}); the container then
 * decides by {@code @RolesAllowed} and the {@code web.xml} constraints.
 *
 * <ul>
 *   <li>A live console session (the user stored at login, re-read: deactivated users, changed
 *       passwords and ended sessions count as none): the user's name, the groups of their role and
 *       those below it ({@code super-admin} ⊃ {@code admin} ⊃ {@code operator}); for a super admin
 *       who must use a second factor and has none yet ({@code REQUIRE_TOTP_FOR_SUPER_ADMINS}),
 *       {@code second-factor-setup} alone, and every console page but the account page sends them
 *       there.
 *   <li>{@code Authorization: Bearer} with a playback token that verifies (not a probe token):
 *       {@code viewer}, the claims kept for the resource.
 *   <li>{@code Authorization: Bearer} with an enrolled device's access token that verifies, of a
 *       device still enrolled in the token's role (its row is read on every request, so a
 *       revocation applies at once): the groups of that role, as a console user of it has them;
 *       {@code box-office} for a box office.
 *   <li>The right {@code X-Internal-Api-Key}: {@code media-server}.
 * </ul>
 *
 * A request may carry several (a console user's browser with a playback token): it gets all their
 * groups. Without any, nothing is established and public resources stay public. Credentials that do
 * not verify establish nothing either: a protected resource then refuses the caller as it refuses
 * any unauthenticated one.
 *
 * <p>For a resource the container protects by {@code web.xml} (the console's pages and push
 * connections) only the console session counts: without one the browser is sent to the login page;
 * a form post from another site's page is refused (403) before that, as the console always did.
 *
 * <p>The container learns the caller anew on every request and keeps nothing in the session ({@code
 * registerSession} is not used), so the session's own check (the stored user as they are now)
 * decides every time.
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

  /** The console page where a person sets up their second factor. */
  static final String ACCOUNT_PAGE = "/admin/account.xhtml";

  @Inject AdminAccounts accounts;

  @Inject PlaybackCallers playback;

  @Inject InternalCallers internal;

  @Inject DeviceTokens deviceTokens;

  @Inject Devices devices;

  @Inject Clients clients;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    AdminIdentity admin = AdminAuthentication.current(request, accounts).orElse(null);
    if (context.isProtected()) {
      return console(request, response, context, admin);
    }
    String name = null;
    Set<String> groups = new LinkedHashSet<>();
    if (admin != null) {
      request.setAttribute(AdminAuthentication.CALLER, admin);
      name = admin.username();
      groups.addAll(groups(admin));
    }
    String bearer = PlaybackTokens.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
    PlaybackClaims viewer = viewer(bearer);
    if (viewer != null) {
      request.setAttribute(PlaybackAuthentication.CLAIMS, viewer);
      name = name != null ? name : "viewer:" + viewer.sid();
      groups.add(CallerRoles.VIEWER);
    }
    DeviceCaller device = viewer == null ? device(bearer, request) : null;
    if (device != null) {
      request.setAttribute(DeviceCaller.ATTRIBUTE, device);
      request.setAttribute(CallerRoles.ACTOR, device.actor());
      name = name != null ? name : device.actor();
      groups.addAll(groups(device.role()));
    }
    if (internal.admits(request.getHeader(InternalApiKeys.HEADER))) {
      name = name != null ? name : CallerRoles.MEDIA_SERVER;
      groups.add(CallerRoles.MEDIA_SERVER);
    }
    request.setAttribute(CallerRoles.GRANTED, Set.copyOf(groups));
    return groups.isEmpty() ? context.doNothing() : context.notifyContainerAboutLogin(name, groups);
  }

  /** A console page or push connection: the console session, or the login page. */
  private static AuthenticationStatus console(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      AdminIdentity admin) {
    try {
      if (!"GET".equals(request.getMethod())
          && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
        ConsoleGuard.refuseCrossSite(response);
        return AuthenticationStatus.SEND_FAILURE;
      }
      if (admin == null) {
        // The servlet filters (security headers among them) do not run for this answer.
        SecurityHeaders.write(request, response);
        ConsoleGuard.sendToLogin(request, response);
        return AuthenticationStatus.SEND_CONTINUE;
      }
      if (admin.secondFactorPending() && !ACCOUNT_PAGE.equals(request.getServletPath())) {
        SecurityHeaders.write(request, response);
        response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE);
        return AuthenticationStatus.SEND_CONTINUE;
      }
    } catch (IOException e) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    request.setAttribute(AdminAuthentication.CALLER, admin);
    request.setAttribute(CallerRoles.GRANTED, groups(admin));
    return context.notifyContainerAboutLogin(admin.username(), groups(admin));
  }

  /**
   * The groups of a console user: those of their role, or, for a super admin who must set up a
   * second factor and has none, only the one that lets them do that.
   */
  static Set<String> groups(AdminIdentity admin) {
    return admin.secondFactorPending()
        ? Set.of(CallerRoles.SECOND_FACTOR_SETUP)
        : groups(admin.role());
  }

  /** The enrolled device whose access token this is, if it verifies and the device is enrolled. */
  private DeviceCaller device(String token, HttpServletRequest request) {
    if (token == null) {
      return null;
    }
    return deviceTokens
        .verify(token)
        .flatMap(claims -> devices.admit(claims, clients.ip(request)))
        .orElse(null);
  }

  private PlaybackClaims viewer(String token) {
    if (token == null) {
      return null;
    }
    try {
      return playback.authenticate(token);
    } catch (PlaybackUnauthorizedException e) {
      return null;
    }
  }

  /**
   * The groups of a device's role: the same as a console user's of that role; a box office has its
   * own and no other.
   */
  static Set<String> groups(DeviceRole role) {
    return switch (role) {
      case BOX_OFFICE -> Set.of(CallerRoles.BOX_OFFICE);
      case OPERATOR -> groups(Role.OPERATOR);
      case ADMIN -> groups(Role.ADMIN);
    };
  }

  /** The groups of a console role: its own and those of the roles it includes. */
  static Set<String> groups(Role role) {
    return switch (role) {
      case SUPER_ADMIN -> Set.of(CallerRoles.SUPER_ADMIN, CallerRoles.ADMIN, CallerRoles.OPERATOR);
      case ADMIN -> Set.of(CallerRoles.ADMIN, CallerRoles.OPERATOR);
      case OPERATOR -> Set.of(CallerRoles.OPERATOR);
    };
  }
}
