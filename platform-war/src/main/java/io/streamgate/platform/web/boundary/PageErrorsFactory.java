package io.streamgate.platform.web.boundary;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link PageErrors} around the JSF implementation's exception handler. */
public class PageErrorsFactory extends ExceptionHandlerFactory {

  public PageErrorsFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new PageErrors(getWrapped().getExceptionHandler());
  }
}
