package io.streamgate.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The media server's floor plan: components ({@code io.streamgate.media.<component>}) use each
 * other without cycles, so the code reads top-down (see {@code package-info.java} of {@code
 * io.streamgate.media}); inside and across them, boundary uses control uses entity, never back.
 */
@AnalyzeClasses(
    packages = "io.streamgate.media",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule componentsAreFreeOfCycles =
      slices().matching("io.streamgate.media.(*)..").namingSlices("$1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule controlNeverUsesBoundary =
      noClasses()
          .that()
          .resideInAPackage("io.streamgate.media..control..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.streamgate.media..boundary..");

  @ArchTest
  static final ArchRule entityUsesNeitherControlNorBoundary =
      noClasses()
          .that()
          .resideInAPackage("io.streamgate.media..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.streamgate.media..control..", "io.streamgate.media..boundary..");
}
