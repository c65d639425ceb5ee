package dev.otelmcp.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.otelmcp.adapters.jaeger.JaegerTraceStoreProvider;
import dev.otelmcp.adapters.sample.archprobe.NewBackendUsingTheApplication;
import dev.otelmcp.adapters.tempo.archprobe.TempoClassUsingJaeger;
import dev.otelmcp.application.archprobe.UseCaseUsingTheTck;
import dev.otelmcp.backend.toolkit.archprobe.ToolkitClassUsingTempo;
import dev.otelmcp.domain.archprobe.DomainClassUsingJackson;
import dev.otelmcp.domain.archprobe.DomainClassUsingJavaNet;
import dev.otelmcp.tck.archprobe.TckClassUsingTheToolkit;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules bite: each is evaluated against a deliberately violating class from the test sources
 * (which {@link ArchitectureTest} does not import) and must report it.
 */
class ArchitectureRulesCatchViolationsTest {

  @Test
  void aDomainClassImportingJacksonBreaksDomainPurity() {
    JavaClasses probe = new ClassFileImporter().importClasses(DomainClassUsingJackson.class);

    EvaluationResult result = ArchitectureRules.DOMAIN_IS_PURE.evaluate(probe);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("com.fasterxml.jackson.databind.ObjectMapper");
  }

  @Test
  void aDomainClassUsingJavaNetBreaksDomainPurity() {
    JavaClasses probe = new ClassFileImporter().importClasses(DomainClassUsingJavaNet.class);

    EvaluationResult result = ArchitectureRules.DOMAIN_IS_PURE.evaluate(probe);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("java.net.URI");
  }

  @Test
  void anAdapterImportingAnotherAdapterBreaksIndependence() {
    JavaClasses probe = new ClassFileImporter().importClasses(TempoClassUsingJaeger.class,
        JaegerTraceStoreProvider.class);

    EvaluationResult result = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT.evaluate(probe);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("dev.otelmcp.adapters.jaeger.JaegerTraceStoreProvider");
  }

  @Test
  void aBackendModuleTheRulesDoNotNameIsHeldToThemToo() {
    JavaClasses probe = new ClassFileImporter().importClasses(NewBackendUsingTheApplication.class);

    EvaluationResult result = ArchitectureRules.BACKENDS_SEE_ONLY_THE_DOMAIN.evaluate(probe);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("dev.otelmcp.application.usecase.ListServicesUseCase");
  }

  @Test
  void aToolkitClassImportingABackendBreaksTheToolkitsIsolation() {
    JavaClasses probe = new ClassFileImporter().importClasses(ToolkitClassUsingTempo.class);

    EvaluationResult result = ArchitectureRules.TOOLKIT_SEES_ONLY_THE_DOMAIN_AND_FEIGN.evaluate(probe);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("dev.otelmcp.adapters.tempo.TempoTraceStoreProvider");
  }

  @Test
  void productionCodeUsingTheTckBreaksTheRule() {
    JavaClasses probe = new ClassFileImporter().importClasses(UseCaseUsingTheTck.class);

    EvaluationResult result = ArchitectureRules.NOTHING_IN_PRODUCTION_USES_THE_TCK.evaluate(probe);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("dev.otelmcp.tck.TestResources");
  }

  @Test
  void aTckClassUsingAnImplementationLibraryBreaksTheRule() {
    JavaClasses probe = new ClassFileImporter().importClasses(TckClassUsingTheToolkit.class);

    EvaluationResult result = ArchitectureRules.THE_TCK_SEES_ONLY_THE_SPI.evaluate(probe);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("dev.otelmcp.backend.toolkit.RetryPolicy");
  }
}
