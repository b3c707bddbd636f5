package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.web.boundary.Pages;
import io.streamgate.platform.webhooks.control.Webhooks;
import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import io.streamgate.platform.webhooks.entity.WebhookEndpoint;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Backs the webhooks page (super admins only): register an endpoint (its secret shown once), turn
 * one off or on, rotate its secret, delete it, and look at its recent deliveries (status, latency,
 * answer) and send one again.
 */
@Named
@ViewScoped
public class WebhooksPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Webhooks webhooks;

  @Inject Console console;

  private String url;
  private String description;
  private List<String> types = new ArrayList<>();
  private boolean includeCodes;
  private String shownSecret;
  private String shownSecretFor;
  private String selectedId;

  /** Refuses the page to anyone but a super admin (f:viewAction). */
  public String check() {
    return console.isSuperAdmin() ? null : "/admin/index.xhtml?faces-redirect=true";
  }

  public List<WebhookEndpoint> getEndpoints() {
    return console.isSuperAdmin() ? webhooks.all() : List.of();
  }

  public List<String> getAllTypes() {
    return Arrays.stream(WebhookType.values()).map(WebhookType::wire).toList();
  }

  public String typesOf(WebhookEndpoint endpoint) {
    return String.join(", ", endpoint.types().stream().map(WebhookType::wire).toList());
  }

  public void register() {
    Webhooks.WithSecret created =
        Pages.result(
            () ->
                webhooks.create(
                    new Webhooks.Fields(url, description, types, includeCodes, true),
                    actor(),
                    console.ip()));
    if (created != null) {
      show(created);
      url = null;
      description = null;
      types = new ArrayList<>();
      includeCodes = false;
    }
  }

  public void toggle(WebhookEndpoint endpoint) {
    Pages.run(
        () ->
            webhooks.update(
                endpoint.id(),
                new Webhooks.Fields(
                    endpoint.url(),
                    endpoint.description(),
                    endpoint.types().stream().map(WebhookType::wire).toList(),
                    endpoint.includeCodes(),
                    !endpoint.active()),
                actor(),
                console.ip()));
  }

  public void rotate(WebhookEndpoint endpoint) {
    Webhooks.WithSecret rotated =
        Pages.result(() -> webhooks.rotateSecret(endpoint.id(), actor(), console.ip()));
    if (rotated != null) {
      show(rotated);
    }
  }

  public void delete(WebhookEndpoint endpoint) {
    if (Pages.run(() -> webhooks.delete(endpoint.id(), actor(), console.ip()))) {
      if (endpoint.id().equals(selectedId)) {
        selectedId = null;
      }
      Pages.info("Endpoint " + endpoint.url() + " deleted.");
    }
  }

  public void select(WebhookEndpoint endpoint) {
    selectedId = endpoint.id();
  }

  /** The selected endpoint's recent deliveries, newest first. */
  public List<WebhookDelivery> getDeliveries() {
    if (selectedId == null || !console.isSuperAdmin()) {
      return List.of();
    }
    List<WebhookDelivery> found = Pages.result(() -> webhooks.deliveries(selectedId));
    return found == null ? List.of() : found;
  }

  public void redeliver(WebhookDelivery delivery) {
    if (Pages.run(() -> webhooks.redeliver(selectedId, delivery.id(), actor(), console.ip()))) {
      Pages.info("Delivery " + delivery.messageId() + " will be sent again.");
    }
  }

  private void show(Webhooks.WithSecret withSecret) {
    shownSecret = withSecret.secret();
    shownSecretFor = withSecret.endpoint().url();
  }

  private String actor() {
    return console.superAdmin().username();
  }

  public String getShownSecret() {
    return shownSecret;
  }

  public String getShownSecretFor() {
    return shownSecretFor;
  }

  public String getSelectedId() {
    return selectedId;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getTypes() {
    return types;
  }

  public void setTypes(List<String> types) {
    this.types = types;
  }

  public boolean isIncludeCodes() {
    return includeCodes;
  }

  public void setIncludeCodes(boolean includeCodes) {
    this.includeCodes = includeCodes;
  }
}
