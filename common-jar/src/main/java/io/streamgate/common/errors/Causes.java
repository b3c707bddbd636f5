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

  /** The outermost cause of that type, the failure itself included. */
  public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    return of(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
