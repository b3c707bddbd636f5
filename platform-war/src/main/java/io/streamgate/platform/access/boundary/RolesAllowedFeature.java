package io.streamgate.platform.access.boundary;

import io.streamgate.platform.admin.control.AdminRefusedException;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.clients.control.InternalCallers;
import io.streamgate.platform.playback.control.PlaybackUnauthorizedException;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Enforces {@code @RolesAllowed} of API resources (on the method, else on the class) by the roles
 * the container gives the caller, refusing with the platform's answers:
 *
 * <ul>
 *   <li>console endpoints: 401 {@code Authentication required.} without a console role (a console
 *       session or a device's access token), 403 {@code Your role does not allow this action.} with
 *       one that is not enough;
 *   <li>{@code viewer} endpoints: 401 {@code A valid playback token is required.};
 *   <li>{@code media-server} endpoints: 401 {@code A valid internal API key is required.}.
 * </ul>
 *
 * It runs after the authentication-priority filters (the console's same-origin check) and before
 * any other authorization filter (Jersey's or Payara's own, which would answer 403 without the
 * platform's body).
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  /** The roles of the admin API's callers: console users and enrolled devices. */
  static final Set<String> CONSOLE =
      Set.of(
          CallerRoles.OPERATOR, CallerRoles.ADMIN, CallerRoles.SUPER_ADMIN, CallerRoles.BOX_OFFICE);

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RolesAllowed allowed = rolesAllowed(resource.getResourceMethod(), resource.getResourceClass());
    if (allowed != null) {
      context.register(new Check(List.of(allowed.value())), Check.PRIORITY);
    }
  }

  /** The method's {@code @RolesAllowed}, else its class's. */
  static RolesAllowed rolesAllowed(Method method, Class<?> resourceClass) {
    RolesAllowed onMethod = method == null ? null : method.getAnnotation(RolesAllowed.class);
    return onMethod != null ? onMethod : resourceClass.getAnnotation(RolesAllowed.class);
  }

  /** Admits a caller in one of the roles, refuses everyone else. */
  @Priority(Check.PRIORITY)
  static final class Check implements ContainerRequestFilter {

    /** After authentication filters, before Jersey's or Payara's own authorization filters. */
    static final int PRIORITY = Priorities.AUTHORIZATION - 10;

    private final List<String> roles;

    Check(List<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Predicate<String> caller = callerIn(request);
      if (roles.stream().noneMatch(caller)) {
        throw refusal(roles, caller);
      }
    }
  }

  /**
   * Whether the caller is in a role: by the groups the authentication mechanism gave this request
   * (each group is the role of the same name, {@link CallerRoles}), else by asking the container.
   * The groups are what the container would answer from, without its per-call JACC checks, whose
   * synchronized maps held up every API request under load (docs/benchmarks.md, viewer API re-run
   * of 2026-12-02).
   */
  static Predicate<String> callerIn(ContainerRequestContext request) {
    if (request.getProperty(CallerRoles.GRANTED) instanceof Set<?> granted) {
      return granted::contains;
    }
    SecurityContext caller = request.getSecurityContext();
    return caller::isUserInRole;
  }

  /** The refusal of a caller in none of the roles. */
  static RequestRefusedException refusal(List<String> roles, Predicate<String> caller) {
    if (caller.test(CallerRoles.SECOND_FACTOR_SETUP)) {
      return AdminRefusedException.secondFactorSetupRequired();
    }
    if (roles.stream().anyMatch(CONSOLE::contains)) {
      return CONSOLE.stream().anyMatch(caller)
          ? AdminRefusedException.notAllowed()
          : AdminRefusedException.notLoggedIn();
    }
    if (roles.contains(CallerRoles.VIEWER)) {
      return new PlaybackUnauthorizedException();
    }
    if (roles.contains(CallerRoles.MEDIA_SERVER)) {
      return InternalCallers.refused();
    }
    return AdminRefusedException.notLoggedIn();
  }
}
