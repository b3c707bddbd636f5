package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts.UserChange;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.web.boundary.WhenAbsent;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the admin API takes to log in and to create and change console users. Fields are read in the
 * order of the components, each checked (type, then constraints) before the next.
 */
public final class UserRequests {

  private UserRequests() {}

  /** {@code {username?, password}}; the username defaults to {@code admin} when absent. */
  public record Login(
      @Schema(defaultValue = "admin")
          @WhenAbsent("admin")
          @NotNull(message = "Missing field: username.")
          String username,
      @Schema(required = true) @NotNull(message = "Missing field: password.") String password,
      @Schema(description = "The 6-digit code of the user's authenticator app, once it is on")
          String totp,
      @Schema(description = "Instead of totp: one of the user's one-time recovery codes")
          String recoveryCode) {

    public Login {
      username = username == null ? null : username.trim();
    }
  }

  /** A new console user. */
  public record NewUser(
      @Schema(required = true) @NotNull(message = "Missing field: username.") String username,
      @Schema(required = true, description = "At least 12 characters")
          @NotNull(message = "Missing field: password.")
          String password,
      @Schema(
              required = true,
              enumeration = {"super_admin", "admin", "operator"})
          @NotNull(message = "Missing field: role.")
          @RoleLabel
          String role) {

    Role roleValue() {
      return Role.ofLabel(role).orElseThrow();
    }
  }

  /** {@code {username, role?}}: a new person (role needed), or a password reset link. */
  public record Invite(
      @Schema(required = true) @NotNull(message = "Missing field: username.") String username,
      @Schema(
              enumeration = {"super_admin", "admin", "operator"},
              description = "Required for a new user; leave out for a password reset link")
          @RoleLabel
          String role) {

    Role roleValue() {
      return role == null ? null : Role.ofLabel(role).orElseThrow();
    }
  }

  /** {@code {code, password}}: an invitation followed. */
  public record AcceptInvitation(
      @Schema(required = true) @NotNull(message = "Missing field: code.") String code,
      @Schema(required = true, description = "At least 12 characters")
          @NotNull(message = "Missing field: password.")
          String password) {}

  /** {@code {code}}: the first code of an authenticator app. */
  public record TotpCode(
      @Schema(required = true) @NotNull(message = "Missing field: code.") String code) {}

  /** A change to a console user; what is absent stays as it is. */
  public record Change(
      @Schema(enumeration = {"super_admin", "admin", "operator"}) @RoleLabel String role,
      Boolean isActive,
      @Schema(description = "At least 12 characters") String password,
      @Schema(description = "The version the change was made on; refused (409) when stale")
          Long version) {

    UserChange change() {
      return new UserChange(
          role == null ? null : Role.ofLabel(role).orElseThrow(), isActive, password, version);
    }
  }
}
