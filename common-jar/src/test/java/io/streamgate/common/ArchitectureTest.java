package io.streamgate.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * common-jar is what both WARs carry: plain Java, no web layer and nothing of either WAR, and its
 * packages use each other without cycles.
 */
@AnalyzeClasses(
    packages = "io.streamgate.common",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noWebLayer =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.servlet..", "jakarta.ws.rs..", "jakarta.faces..")
          .because("servlets, JAX-RS and JSF belong to the WARs");

  @ArchTest
  static final ArchRule nothingOfEitherWar =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.streamgate.platform..", "io.streamgate.media..")
          .because("both WARs depend on common-jar, never the other way");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.streamgate.common.(*)..").namingSlices("$1").should().beFreeOfCycles();

  /** {@code Spec} and its like at the top stay below every package, so no cycle can pass them. */
  @ArchTest
  static final ArchRule topLevelClassesUseNoPackage =
      noClasses()
          .that()
          .resideInAPackage("io.streamgate.common")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.streamgate.common.*..");
}
