package dev.otelmcp.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of ARCHITECTURE.md as ArchUnit rules, kept apart from the test that applies them
 * so that a second test can prove each rule really catches a violation.
 */
final class ArchitectureRules {

  static final String DOMAIN = "dev.otelmcp.domain..";
  static final String APPLICATION = "dev.otelmcp.application..";
  static final String MCP = "dev.otelmcp.adapters.mcp..";
  static final String BOOTSTRAP = "dev.otelmcp.bootstrap..";
  static final String OTLP_CODEC = "dev.otelmcp.adapters.otlp.codec..";
  static final String PRICING = "dev.otelmcp.adapters.pricing..";
  static final String TOOLKIT = "dev.otelmcp.backend.toolkit..";
  static final String[] BACKENDS = {
    "dev.otelmcp.adapters.jaeger..", "dev.otelmcp.adapters.tempo..", "dev.otelmcp.adapters.traceloop..",
    "dev.otelmcp.adapters.otlp.."
  };

  static final String DAGGER_GENERATED = "dagger.internal.DaggerGenerated";

  private ArchitectureRules() {}

  /** The domain is pure: the JDK only (and jspecify annotations, should we adopt them). */
  static final ArchRule DOMAIN_IS_PURE = classes().that().resideInAPackage(DOMAIN)
      .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "org.jspecify.annotations..")
      .as("the domain depends on the JDK only");

  /** The application sees the domain and jakarta.inject, nothing else. */
  static final ArchRule APPLICATION_SEES_DOMAIN_ONLY = classes().that().resideInAPackage(APPLICATION)
      // Dagger writes *_Factory classes into the application's packages while compiling bootstrap.
      .and().areNotAnnotatedWith(DAGGER_GENERATED)
      .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "jakarta.inject..")
      .as("the application depends on the domain and jakarta.inject only");

  /** The driving adapter talks to the application, never to a backend. */
  static final ArchRule MCP_ADAPTER_IGNORES_BACKENDS = noClasses().that().resideInAPackage(MCP)
      .should().dependOnClassesThat().resideInAnyPackage(BACKENDS)
      .as("adapters-mcp never imports a backend adapter");

  /**
   * The backend toolkit is a library under the HTTP backends: the domain, Feign and slf4j, never a backend, the
   * application, the MCP side or bootstrap (and no JSON library: each backend parses its own answers).
   */
  static final ArchRule TOOLKIT_SEES_ONLY_THE_DOMAIN_AND_FEIGN = classes().that().resideInAPackage(TOOLKIT)
      .should().onlyDependOnClassesThat().resideInAnyPackage(TOOLKIT, DOMAIN, "java..", "feign..", "org.slf4j..")
      .as("the backend toolkit depends on the domain, Feign and slf4j only");

  /** Backends implement the domain's ports and know nothing of the application or the MCP side. */
  static final ArchRule BACKENDS_SEE_ONLY_THE_DOMAIN = noClasses().that().resideInAnyPackage(BACKENDS)
      .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, MCP, BOOTSTRAP)
      .as("backend adapters never import the application, adapters-mcp or bootstrap");

  /**
   * The price reader turns files into the domain's price book and knows nothing else: no use case, no tool, no
   * backend; and nothing but bootstrap reads prices from it (the application gets the book by injection).
   */
  static final ArchRule PRICING_SEES_ONLY_THE_DOMAIN = noClasses().that().resideInAPackage(PRICING)
      .should().dependOnClassesThat().resideInAnyPackage(concat(BACKENDS, APPLICATION, MCP, BOOTSTRAP))
      .as("adapters-pricing imports the domain (and JSON) only");

  static final ArchRule ONLY_BOOTSTRAP_READS_PRICE_FILES = noClasses().that()
      .resideInAnyPackage(concat(BACKENDS, DOMAIN, APPLICATION, MCP))
      .should().dependOnClassesThat().resideInAPackage(PRICING)
      .as("only bootstrap uses adapters-pricing");

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  /** Bootstrap wires backends in through ServiceLoader only (they are runtime-scoped). */
  static final ArchRule BOOTSTRAP_DISCOVERS_BACKENDS = noClasses().that().resideInAPackage(BOOTSTRAP)
      .should().dependOnClassesThat().resideInAnyPackage(BACKENDS)
      .as("bootstrap never imports a backend adapter (they are found by ServiceLoader)");

  /** Backend adapters are independent of each other; only the shared OTLP codec may be reused. */
  static ArchRule backendIndependent(String backend) {
    String[] others = java.util.Arrays.stream(BACKENDS).filter(b -> !b.equals(backend)).toArray(String[]::new);
    return noClasses().that().resideInAPackage(backend)
        .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(others)
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(OTLP_CODEC))))
        .as(backend + " does not import another backend adapter (the OTLP codec excepted)")
        .allowEmptyShould(true);
  }
}
