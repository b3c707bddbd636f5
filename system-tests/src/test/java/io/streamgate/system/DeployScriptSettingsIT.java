package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy-streamgate.sh passes a full Payara Server every setting the WARs read, by name from fixed
 * lists; a setting added to a WAR and not to those lists would silently never reach a full server.
 * Checked statically, without booting anything.
 */
class DeployScriptSettingsIT {

  private static final Path SCRIPT =
      Path.of(System.getProperty("streamgate.home", ".."))
          .toAbsolutePath()
          .normalize()
          .resolve("payara-config/src/main/payara-server/deploy-streamgate.sh");

  /**
   * Set by the script itself (DATABASE_RESOURCE), or deliberately not passed on: the script gives
   * the platform the server's pool, and a DATABASE_URL may hold a password.
   */
  private static final Set<String> NOT_PASSED_ON = Set.of("DATABASE_RESOURCE", "DATABASE_URL");

  @Test
  void theScriptPassesOnEverySettingTheApplicationsReadAndNoOther() throws IOException {
    String script = Files.readString(SCRIPT);
    Set<String> passed = new TreeSet<>(array(script, "SETTINGS"));
    passed.addAll(array(script, "SECRETS"));
    Set<String> read = new TreeSet<>(DockerFilesIT.applicationSettings());
    read.removeAll(NOT_PASSED_ON);
    assertEquals(read, passed);
  }

  /** The words of a bash array assignment {@code NAME=(A B\n C)}. */
  private static Set<String> array(String script, String name) {
    Matcher array = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
    if (!array.find()) {
      throw new AssertionError("no array " + name + " in " + SCRIPT);
    }
    return new TreeSet<>(Arrays.asList(array.group(1).trim().split("\\s+")));
  }
}
