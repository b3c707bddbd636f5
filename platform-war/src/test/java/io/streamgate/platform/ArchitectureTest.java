package io.streamgate.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's architecture, checked on its compiled classes: components ({@code
 * io.streamgate.platform.<component>}) form an acyclic graph that reads top-down as {@link #LEVELS}
 * says, and inside them boundary uses control uses entity, never the other way round.
 */
class ArchitectureTest {

  private static final String PLATFORM = "io.streamgate.platform";

  /**
   * The components from the top down: a component may use those on its own level and below, never
   * one above it. (Within a level, the cycle rule keeps the uses one-way.)
   */
  static final List<List<String>> LEVELS =
      List.of(
          // Pages and API that compose several components, start-up content, health checks, and
          // who is calling (the authentication mechanism knows every kind of caller).
          List.of("console", "dashboard", "viewer", "demo", "health", "access", "boxoffice"),
          List.of("playback"),
          List.of("revocation"),
          // Attendees sent their tickets by e-mail.
          List.of("tickets"),
          // Enrolled devices and their tokens.
          List.of("devices"),
          List.of("sessions"),
          // What sessions leave behind for the event's audience figures.
          List.of("analytics"),
          List.of("codes"),
          List.of("events"),
          List.of("signing"),
          // Reports of changes to other systems, from the outbox the changes write.
          List.of("webhooks"),
          List.of("audit"),
          // Console users and their authentication.
          List.of("admin"),
          List.of("ratelimit"),
          // Plumbing.
          List.of("web"),
          List.of("clients", "paging", "metrics", "csv"),
          List.of("refusal", "clock", "persistence", "settings"));

  private static JavaClasses platform;

  @BeforeAll
  static void importPlatform() {
    platform =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLATFORM);
  }

  @Test
  void componentsAreFreeOfCycles() {
    slices().matching(PLATFORM + ".(*)..").should().beFreeOfCycles().check(platform);
  }

  @Test
  void controlAndEntityNeverUseABoundary() {
    noClasses()
        .that()
        .resideInAnyPackage("..control..", "..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..boundary..")
        .check(platform);
  }

  @Test
  void entitiesNeverUseAControl() {
    noClasses()
        .that()
        .resideInAPackage("..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..control..")
        .check(platform);
  }

  @Test
  void everyClassIsInALayerOfAKnownComponent() {
    classes()
        .that()
        .doNotHaveSimpleName("package-info")
        .should()
        .resideInAnyPackage(
            LEVELS.stream()
                .flatMap(List::stream)
                .flatMap(
                    component ->
                        Arrays.stream(new String[] {"boundary", "control", "entity"})
                            .map(layer -> PLATFORM + "." + component + "." + layer + ".."))
                .toArray(String[]::new))
        .as("every class is in the boundary, control or entity of a component of LEVELS")
        .check(platform);
  }

  @Test
  void componentsOnlyUseComponentsOnTheirLevelOrBelow() {
    List<ArchRule> rules = new ArrayList<>();
    for (int level = 0; level < LEVELS.size() - 1; level++) {
      rules.add(
          noClasses()
              .that()
              .resideInAnyPackage(packages(LEVELS.subList(level + 1, LEVELS.size())))
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(packages(List.of(LEVELS.get(level))))
              .as("components below " + LEVELS.get(level) + " should not use them"));
    }
    CompositeArchRule.of(rules).check(platform);
  }

  private static String[] packages(List<List<String>> levels) {
    return levels.stream()
        .flatMap(List::stream)
        .map(component -> PLATFORM + "." + component + "..")
        .toArray(String[]::new);
  }
}
