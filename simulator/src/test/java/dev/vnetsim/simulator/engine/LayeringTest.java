package dev.vnetsim.simulator.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering inside the simulator core (STYLE §1): resolve sits on trace and model; policy and routing use resolve but
 * not each other; none of them knows the engine or the graph; the engine does not know the graph.
 */
class LayeringTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.vnetsim.simulator");
  }

  @Test
  void resolve_usesOnlyTraceAndModel() {
    noClasses().that().resideInAPackage("dev.vnetsim.simulator.resolve..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.vnetsim.simulator.policy..", "dev.vnetsim.simulator.routing..",
            "dev.vnetsim.simulator.engine..", "dev.vnetsim.simulator.graph..")
        .check(classes);
  }

  @Test
  void policyAndRouting_areIndependent() {
    noClasses().that().resideInAPackage("dev.vnetsim.simulator.policy..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.vnetsim.simulator.routing..", "dev.vnetsim.simulator.engine..",
            "dev.vnetsim.simulator.graph..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.vnetsim.simulator.routing..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.vnetsim.simulator.policy..", "dev.vnetsim.simulator.engine..",
            "dev.vnetsim.simulator.graph..")
        .check(classes);
  }

  @Test
  void engine_doesNotKnowTheGraph() {
    noClasses().that().resideInAPackage("dev.vnetsim.simulator.engine..").should().dependOnClassesThat()
        .resideInAPackage("dev.vnetsim.simulator.graph..")
        .check(classes);
  }
}
