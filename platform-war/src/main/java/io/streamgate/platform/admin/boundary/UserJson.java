package io.streamgate.platform.admin.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.admin.entity.AdminUser;
import java.util.LinkedHashMap;
import java.util.Map;

/** Console users as the admin API shows them; never their password. */
public final class UserJson {

  private UserJson() {}

  public static Map<String, Object> user(AdminUser user) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id());
    json.put("username", user.username());
    json.put("role", user.role().label());
    json.put("isActive", user.active());
    json.put("createdAt", text(user.createdAt()));
    json.put("lastLoginAt", text(user.lastLoginAt()));
    json.put("version", user.version());
    return json;
  }
}
