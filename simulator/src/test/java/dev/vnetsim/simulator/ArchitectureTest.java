package dev.vnetsim.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md §1, checked on the compiled classes. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.vnetsim");
  }

  @Test
  void models_dependOnNoOtherModule() {
    noClasses().that().resideInAPackage("dev.vnetsim.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vnetsim.simulator..", "dev.vnetsim.servicetag..",
            "org.jgrapht..", "picocli..", "inet.ipaddr..")
        .check(classes);
  }

  @Test
  void serviceTagData_doesNotKnowTheSimulator() {
    noClasses().that().resideInAPackage("dev.vnetsim.servicetag..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vnetsim.simulator..", "picocli..")
        .check(classes);
  }

  @Test
  void onlyTheCli_usesPicocli() {
    noClasses().that().resideOutsideOfPackage("dev.vnetsim.simulator.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void nothing_importsTheCli() {
    noClasses().that().resideOutsideOfPackage("dev.vnetsim.simulator.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.vnetsim.simulator.cli..")
        .check(classes);
  }

  @Test
  void onlyGraphAndEngine_useJgrapht() {
    noClasses().that().resideOutsideOfPackages("dev.vnetsim.simulator.graph..", "dev.vnetsim.simulator.engine..")
        .should().dependOnClassesThat().resideInAPackage("org.jgrapht..")
        .check(classes);
  }

  @Test
  void traces_importOnlyModels() {
    noClasses().that().resideInAPackage("dev.vnetsim.simulator.trace..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vnetsim.simulator.routing..",
            "dev.vnetsim.simulator.policy..", "dev.vnetsim.simulator.engine..", "dev.vnetsim.simulator.graph..",
            "dev.vnetsim.simulator.resolve..")
        .check(classes);
  }
}
