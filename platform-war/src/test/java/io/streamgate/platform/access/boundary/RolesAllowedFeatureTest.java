package io.streamgate.platform.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.devices.entity.DeviceRole;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesAllowedFeatureTest {

  @Test
  void consoleEndpointsRefuseCallersWithoutAConsoleRoleAs401AndTooLowRolesAs403() {
    List<String> admin = List.of(CallerRoles.ADMIN);
    assertRefusal(401, "Authentication required.", admin, Set.of());
    assertRefusal(401, "Authentication required.", admin, Set.of(CallerRoles.VIEWER));
    assertRefusal(401, "Authentication required.", admin, Set.of(CallerRoles.MEDIA_SERVER));
    assertRefusal(
        403, "Your role does not allow this action.", admin, Set.of(CallerRoles.OPERATOR));
    assertRefusal(
        403,
        "Your role does not allow this action.",
        List.of(CallerRoles.SUPER_ADMIN),
        CallerAuthentication.groups(Role.ADMIN));
  }

  @Test
  void viewerAndMediaServerEndpointsRefuseEveryoneElseAs401() {
    Set<String> superAdmin = CallerAuthentication.groups(Role.SUPER_ADMIN);
    assertRefusal(
        401, "A valid playback token is required.", List.of(CallerRoles.VIEWER), superAdmin);
    assertRefusal(
        401,
        "A valid internal API key is required.",
        List.of(CallerRoles.MEDIA_SERVER),
        Set.of(CallerRoles.VIEWER));
  }

  @Test
  void consoleRolesIncludeTheOnesBelow() {
    assertEquals(
        Set.of(CallerRoles.SUPER_ADMIN, CallerRoles.ADMIN, CallerRoles.OPERATOR),
        CallerAuthentication.groups(Role.SUPER_ADMIN));
    assertEquals(
        Set.of(CallerRoles.ADMIN, CallerRoles.OPERATOR), CallerAuthentication.groups(Role.ADMIN));
    assertEquals(Set.of(CallerRoles.OPERATOR), CallerAuthentication.groups(Role.OPERATOR));
  }

  /** A device holds the groups of a console user of its role; a box office only its own. */
  @Test
  void aDeviceHasTheGroupsOfItsRole() {
    assertEquals(
        Set.of(CallerRoles.ADMIN, CallerRoles.OPERATOR),
        CallerAuthentication.groups(DeviceRole.ADMIN));
    assertEquals(Set.of(CallerRoles.OPERATOR), CallerAuthentication.groups(DeviceRole.OPERATOR));
    assertEquals(
        Set.of(CallerRoles.BOX_OFFICE), CallerAuthentication.groups(DeviceRole.BOX_OFFICE));
  }

  /**
   * Every console API endpoint declares who may call it: reads anyone in the console, changes
   * admins (or super admins only).
   */
  @Test
  void everyConsoleEndpointDeclaresItsRoles() {
    List<String> checked = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.streamgate.platform")) {
      if (!type.isAnnotatedWith(AdminSession.class) || type.isAnnotation()) {
        continue;
      }
      Class<?> resource = type.reflect();
      for (Method method : resource.getDeclaredMethods()) {
        boolean reads = method.isAnnotationPresent(GET.class);
        boolean changes =
            method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(PATCH.class)
                || method.isAnnotationPresent(DELETE.class);
        if (!reads && !changes) {
          continue;
        }
        RolesAllowed allowed = RolesAllowedFeature.rolesAllowed(method, resource);
        String name = resource.getSimpleName() + "." + method.getName();
        assertNotNull(allowed, name + " has no @RolesAllowed");
        List<String> roles = List.of(allowed.value());
        // The box office's lookup reads, but by POST: the code stays out of the logged path.
        boolean boxOfficeRead = name.equals("BoxOfficeResource.lookup");
        // A person's own second factor: anyone logged in, and a super admin who must set it up.
        boolean ownAccount = resource.getSimpleName().equals("AdminMeResource");
        assertTrue(
            ownAccount
                ? roles.equals(List.of(CallerRoles.OPERATOR, CallerRoles.SECOND_FACTOR_SETUP))
                : changes && !boxOfficeRead
                    ? roles.equals(List.of(CallerRoles.ADMIN))
                        || roles.equals(List.of(CallerRoles.SUPER_ADMIN))
                        || roles.equals(List.of(CallerRoles.BOX_OFFICE, CallerRoles.ADMIN))
                    : roles.equals(List.of(CallerRoles.OPERATOR))
                        || roles.equals(List.of(CallerRoles.SUPER_ADMIN))
                        || boxOfficeRead
                            && roles.equals(List.of(CallerRoles.BOX_OFFICE, CallerRoles.OPERATOR)),
            name + " allows " + roles);
        checked.add(name);
      }
    }
    assertTrue(checked.size() > 20, "checked " + checked);
  }

  @Test
  void theMethodsRolesWinOverTheClasss() throws NoSuchMethodException {
    assertEquals(
        CallerRoles.OPERATOR,
        RolesAllowedFeature.rolesAllowed(Example.class.getMethod("read"), Example.class)
            .value()[0]);
    assertEquals(
        CallerRoles.ADMIN,
        RolesAllowedFeature.rolesAllowed(Example.class.getMethod("change"), Example.class)
            .value()[0]);
    assertNull(RolesAllowedFeature.rolesAllowed(Open.class.getMethod("read"), Open.class));
  }

  @RolesAllowed(CallerRoles.ADMIN)
  static class Example {
    @RolesAllowed(CallerRoles.OPERATOR)
    public void read() {}

    public void change() {}
  }

  static class Open {
    public void read() {}
  }

  private static void assertRefusal(
      int status, String message, List<String> required, Set<String> callerRoles) {
    RequestRefusedException refusal = RolesAllowedFeature.refusal(required, callerRoles::contains);
    assertEquals(status, refusal.status());
    assertEquals(message, refusal.getMessage());
  }
}
