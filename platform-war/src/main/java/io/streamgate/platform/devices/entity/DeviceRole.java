package io.streamgate.platform.devices.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an enrolled device may do; super admin stays a person's role. */
public enum DeviceRole {
  /** Looks up codes, issues a few for its events, releases their stuck sessions; nothing else. */
  BOX_OFFICE,
  /** Looks at everything an operator at the console sees. */
  OPERATOR,
  /** Changes events, codes and viewer sessions like an admin at the console (a ticket shop). */
  ADMIN;

  /** The name the API uses: {@code box_office}, {@code operator}, {@code admin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this {@link #label()}, if any. */
  public static Optional<DeviceRole> ofLabel(String label) {
    return Arrays.stream(values()).filter(v -> v.label().equals(label)).findFirst();
  }
}
