package io.streamgate.common.lifecycle;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Closes Payara Micro's HTTP listener (the asadmin {@code set} that post-deploy-commands.asadmin
 * undoes), through the Payara Micro API, looked up by name: the WARs also run on a full Payara
 * Server, which has no such API, and then nothing is closed.
 */
final class PayaraMicroHttp {

  static final String CLOSE =
      "configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.enabled=false";

  private PayaraMicroHttp() {}

  /** Answers what happened, in a few words for the log. */
  static String closeListener() {
    try {
      Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
      Object instance = micro.getMethod("getInstance").invoke(null);
      Object runtime = micro.getMethod("getRuntime").invoke(instance);
      Class<?> runtimeType = Class.forName("fish.payara.micro.PayaraMicroRuntime");
      Object local = runtimeType.getMethod("getLocalDescriptor").invoke(runtime);
      Method run = runtimeType.getMethod("run", Collection.class, String.class, String[].class);
      Map<?, ?> results =
          (Map<?, ?>) run.invoke(runtime, List.of(local), "set", new String[] {CLOSE});
      if (results.isEmpty()) {
        return "HTTP listener not closed first (no local instance)";
      }
      Object outcome = ((Future<?>) results.values().iterator().next()).get(5, TimeUnit.SECONDS);
      return "HTTP listener closed ("
          + outcome.getClass().getMethod("getExitStatus").invoke(outcome)
          + ")";
    } catch (ClassNotFoundException e) {
      return "HTTP listener left to the server (not Payara Micro)";
    } catch (Exception e) {
      // A stop goes on without it: the server's own shutdown closes the listener later.
      return "HTTP listener not closed first (" + e + ")";
    }
  }
}
