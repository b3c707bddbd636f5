package io.streamgate.common.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A failure and its causes, outermost first; a cause that loops back ends the list. */
public final class Causes {

  private Causes() {}

  public static List<Throwable> of(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = failure; cause != null && !chain.contains(cause); ) {
      chain.add(cause);
      cause = cause.getCause();
    }
    return chain;
  }

  /** The innermost cause: what went wrong first. */
  public static Throwable innermost(Throwable failure) {
    List<Throwable> chain = of(failure);
    return chain.get(chain.size() - 1);
  }

  /** The first line of the failure's message, or its class name when it has none. */
  public static String firstLine(Throwable failure) {
    String message = failure.getMessage();
    if (message == null) {
      return failure.getClass().getName();
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).trim();
  }

  /** The outermost cause of that type, the failure itself included. */
  public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    return of(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
