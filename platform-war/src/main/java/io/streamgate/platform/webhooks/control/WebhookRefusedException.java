package io.streamgate.platform.webhooks.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;

/** A webhook request the platform refuses. */
public class WebhookRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  private WebhookRefusedException(int status, String message) {
    super(status, message);
  }

  static WebhookRefusedException invalid(String message) {
    return new WebhookRefusedException(400, message);
  }

  static WebhookRefusedException unknownEndpoint() {
    return new WebhookRefusedException(404, "Webhook endpoint not found");
  }

  static WebhookRefusedException unknownDelivery() {
    return new WebhookRefusedException(404, "Webhook delivery not found");
  }
}
