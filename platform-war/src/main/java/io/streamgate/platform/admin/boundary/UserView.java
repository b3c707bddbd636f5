package io.streamgate.platform.admin.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.entity.AdminUser;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A console user as the admin API shows it; never the password. */
@JsonbNillable
@JsonbPropertyOrder({
  "id",
  "username",
  "role",
  "isActive",
  "totpEnabled",
  "createdAt",
  "lastLoginAt",
  "version"
})
public record UserView(
    String id,
    String username,
    String role,
    boolean isActive,
    boolean totpEnabled,
    String createdAt,
    String lastLoginAt,
    long version) {

  public static UserView of(AdminUser user) {
    return new UserView(
        user.id(),
        user.username(),
        user.role().label(),
        user.active(),
        user.totpEnabled(),
        text(user.createdAt()),
        text(user.lastLoginAt()),
        user.version());
  }

  /**
   * Who is logged in: {@code {success: true, username, role, totpSetupRequired}}; the last is true
   * for a super admin who must set up a second factor before anything else. {@code success} is the
   * specification's whole answer to a login; the rest is StreamGate's.
   */
  @JsonbPropertyOrder({"success", "username", "role", "totpSetupRequired"})
  public record Identity(boolean success, String username, String role, boolean totpSetupRequired) {

    static Identity of(AdminIdentity admin) {
      return new Identity(
          true, admin.username(), admin.role().label(), admin.secondFactorPending());
    }
  }

  /** The answer to a logout: {@code {success: true, loggedOut: true}}. */
  @JsonbPropertyOrder({"success", "loggedOut"})
  public record LoggedOut(boolean success, boolean loggedOut) {}

  /** {@code {data: user}}. */
  public record UserData(UserView data) {}

  /** {@code {data: [users]}}. */
  public record UsersData(List<UserView> data) {}

  /** {@code {data: {success, username, role, totpSetupRequired}}}. */
  public record IdentityData(Identity data) {}

  /** {@code {data: {success: true, loggedOut: true}}}. */
  public record LoggedOutData(LoggedOut data) {}
}
