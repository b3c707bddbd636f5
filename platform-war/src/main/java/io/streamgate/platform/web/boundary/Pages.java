package io.streamgate.platform.web.boundary;

import io.streamgate.platform.refusal.control.RequestRefusedException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;

/** Messages on console pages, and running an action so that a refusal becomes a message. */
public final class Pages {

  private Pages() {}

  public static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  public static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** An error shown next to the component with this client id. */
  public static void fieldError(String clientId, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    context.validationFailed();
  }

  /** Runs the action; a refusal (bad input, wrong role, stale edit) is shown as an error. */
  public static boolean run(Runnable action) {
    try {
      action.run();
      return true;
    } catch (RequestRefusedException refused) {
      error(refused.getMessage());
      FacesContext.getCurrentInstance().validationFailed();
      return false;
    }
  }

  /** The action's result, or null after showing its refusal. */
  public static <T> T result(Supplier<T> action) {
    try {
      return action.get();
    } catch (RequestRefusedException refused) {
      error(refused.getMessage());
      FacesContext.getCurrentInstance().validationFailed();
      return null;
    }
  }
}
