package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.codes.boundary.QrSvg;
import io.streamgate.platform.devices.control.Devices;
import io.streamgate.platform.devices.entity.Device;
import io.streamgate.platform.devices.entity.DeviceRole;
import io.streamgate.platform.events.control.EventQueries;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backs the devices page (super admins only): issue a one-time enrollment code, shown once as text
 * and QR code, and see and revoke enrolled devices.
 */
@Named
@ViewScoped
public class DevicesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Devices devices;

  @Inject EventQueries events;

  @Inject Console console;

  private String role = DeviceRole.BOX_OFFICE.label();
  private String deviceName;
  private Integer expiresInMinutes = Devices.DEFAULT_ENROLLMENT_MINUTES;
  private List<String> eventIds = new ArrayList<>();
  private Devices.Enrollment issued;

  /** Refuses the page to anyone but a super admin (f:viewAction). */
  public String check() {
    return console.isSuperAdmin() ? null : "/admin/index.xhtml?faces-redirect=true";
  }

  /** The devices, for a super admin only (the view action does not run on a postback). */
  public List<Device> getDevices() {
    return console.isSuperAdmin() ? devices.all() : List.of();
  }

  public List<String> getRoles() {
    return Arrays.stream(DeviceRole.values()).map(DeviceRole::label).toList();
  }

  public List<EventQueries.Choice> getEvents() {
    return console.isSuperAdmin() ? events.choices() : List.of();
  }

  /** Event titles by id, for the devices table. */
  public Map<String, String> getEventTitles() {
    return getEvents().stream()
        .collect(Collectors.toMap(EventQueries.Choice::id, EventQueries.Choice::title));
  }

  public void enroll() {
    issued =
        Pages.result(
            () ->
                devices.issue(
                    role,
                    deviceName,
                    expiresInMinutes,
                    DeviceRole.BOX_OFFICE.label().equals(role) ? eventIds : List.of(),
                    console.superAdmin().username(),
                    console.ip()));
    if (issued != null) {
      deviceName = null;
      eventIds = new ArrayList<>();
    }
  }

  /** The code just issued, shown once; null before one is issued or after the page is left. */
  public Devices.Enrollment getIssued() {
    return issued;
  }

  public String getIssuedQr() {
    return issued == null ? "" : QrSvg.of(issued.code());
  }

  public void revoke(Device device) {
    if (Pages.run(
        () -> devices.revoke(device.id(), console.superAdmin().username(), console.ip()))) {
      Pages.info("Device " + device.name() + " revoked: its next request is refused.");
    }
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getDeviceName() {
    return deviceName;
  }

  public void setDeviceName(String deviceName) {
    this.deviceName = deviceName;
  }

  public Integer getExpiresInMinutes() {
    return expiresInMinutes;
  }

  public void setExpiresInMinutes(Integer expiresInMinutes) {
    this.expiresInMinutes = expiresInMinutes;
  }

  public List<String> getEventIds() {
    return eventIds;
  }

  public void setEventIds(List<String> eventIds) {
    this.eventIds = eventIds;
  }
}
