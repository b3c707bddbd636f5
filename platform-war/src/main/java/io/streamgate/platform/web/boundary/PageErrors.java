package io.streamgate.platform.web.boundary;

import io.streamgate.common.errors.Causes;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a page does when JSF fails, instead of the implementation's default (a 500 naming the
 * exception, or for Ajax an XML error carrying the exception class).
 *
 * <ul>
 *   <li>An expired or unknown view (session ended, view evicted, forged {@code
 *       jakarta.faces.ViewState}, or one JSF cannot restore at all, such as {@code stateless} for a
 *       page that keeps state) reloads the page fresh; in the console that GET is sent to the login
 *       page when the user's session ended (the console's pages are for console users only).
 *   <li>Any other failure of an Ajax request is logged and the browser is sent to the error page of
 *       the portal or the console (a partial-response redirect, which the browser follows).
 *   <li>Any other failure of a full request is left to the container, which hands it to {@link
 *       ErrorPageServlet}.
 * </ul>
 */
public class PageErrors extends ExceptionHandlerWrapper {

  private static final System.Logger LOG = System.getLogger(PageErrors.class.getName());

  /** A view id this application can have: no scheme, no host, no "//" or "..". */
  private static final Pattern VIEW = Pattern.compile("(/[A-Za-z0-9_-]+)+\\.xhtml");

  static final String CONSOLE_LOGIN = "/admin/login.xhtml";

  PageErrors(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext context = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext() && context != null) {
      ExceptionQueuedEventContext queued = events.next().getContext();
      Throwable failure = queued.getException();
      String lostView = lostView(queued, context);
      if (context.getExternalContext().isResponseCommitted()) {
        continue;
      }
      if (lostView != null) {
        events.remove();
        LOG.log(Level.DEBUG, "Expired or unrestorable view {0}, reloading it", lostView);
        redirect(context, freshView(lostView, context));
      } else if (context.getPartialViewContext().isAjaxRequest()) {
        events.remove();
        String viewId = context.getViewRoot() == null ? null : context.getViewRoot().getViewId();
        LOG.log(Level.WARNING, "Ajax request to " + viewId + " failed", failure);
        redirect(context, isConsole(viewId, context) ? "/admin/error.xhtml" : "/error.xhtml");
      }
    }
    getWrapped().handle();
  }

  /**
   * The view a request's state belonged to when that state is gone or cannot be restored: an
   * expired view, or any failure to restore a view the request claims state for.
   */
  private static String lostView(ExceptionQueuedEventContext queued, FacesContext context) {
    Optional<ViewExpiredException> expired =
        Causes.find(queued.getException(), ViewExpiredException.class);
    if (expired.isPresent()) {
      return expired.get().getViewId();
    }
    boolean claimsState =
        context
            .getExternalContext()
            .getRequestParameterMap()
            .containsKey(ResponseStateManager.VIEW_STATE_PARAM);
    if (queued.getPhaseId() == PhaseId.RESTORE_VIEW && claimsState) {
      return context.getExternalContext().getRequestServletPath();
    }
    return null;
  }

  /** The view to load again: the expired one if it is a plain view id, else the start page. */
  static String freshView(String viewId, FacesContext context) {
    if (viewId != null && VIEW.matcher(viewId).matches()) {
      return viewId;
    }
    return isConsole(viewId, context) ? CONSOLE_LOGIN : "/";
  }

  private static boolean isConsole(String viewId, FacesContext context) {
    String path = viewId != null ? viewId : context.getExternalContext().getRequestServletPath();
    return path != null && path.startsWith("/admin/");
  }

  private static void redirect(FacesContext context, String path) {
    ExternalContext external = context.getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + path);
      context.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
