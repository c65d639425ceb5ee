package dev.otelmcp.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
  static final String OTLP_CODEC = "dev.otelmcp.otlp.codec..";
  static final String PRICING = "dev.otelmcp.adapters.pricing..";
  static final String TOOLKIT = "dev.otelmcp.backend.toolkit..";
  static final String TCK = "dev.otelmcp.tck..";
  /** Every adapter module is a package under this one; the backends are all of them but the MCP side and prices. */
  static final String ADAPTERS = "dev.otelmcp.adapters..";

  /** A backend adapter, by where it lives: under {@link #ADAPTERS}, not the MCP side, not the price reader. */
  static final DescribedPredicate<JavaClass> A_BACKEND = JavaClass.Predicates.resideInAPackage(ADAPTERS)
      .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(MCP, PRICING)))
      .as("a backend adapter");

  static final String DAGGER_GENERATED = "dagger.internal.DaggerGenerated";

  private ArchitectureRules() {}

  /**
   * The domain is pure — the SPI plug-ins compile against: the model, queries, the LLM view and ports, on
   * {@code java.lang}, {@code java.util} and {@code java.time} only. Nothing of {@code java.net}, {@code java.io} or
   * {@code java.nio}: HTTP plumbing lives in the backend toolkit.
   */
  static final ArchRule DOMAIN_IS_PURE = classes().that().resideInAPackage(DOMAIN)
      .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java.lang..", "java.util..", "java.time..",
          "org.jspecify.annotations..")
      .as("the domain depends on java.lang, java.util and java.time only");

  /** The application sees the domain and jakarta.inject, nothing else. */
  static final ArchRule APPLICATION_SEES_DOMAIN_ONLY = classes().that().resideInAPackage(APPLICATION)
      // Dagger writes *_Factory classes into the application's packages while compiling bootstrap.
      .and().areNotAnnotatedWith(DAGGER_GENERATED)
      .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "jakarta.inject..")
      .as("the application depends on the domain and jakarta.inject only");

  /**
   * The adapters never import each other: each backend, the MCP side and the price reader is a slice of its own
   * (found by package, so a new backend module is covered without an edit here). What backends share lives in the
   * toolkit and the OTLP codec.
   */
  static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("dev.otelmcp.adapters.(*)..")
      .should().notDependOnEachOther()
      .as("no adapter imports another (backends, adapters-mcp, adapters-pricing)");

  /**
   * The backend toolkit is a library under the HTTP backends: the domain, Feign (with the JDK client and Jackson it
   * builds every backend's clients on), Jackson and slf4j, never a backend, the application, the MCP side or
   * bootstrap.
   */
  static final ArchRule TOOLKIT_SEES_ONLY_THE_DOMAIN_AND_FEIGN = classes().that().resideInAPackage(TOOLKIT)
      .should().onlyDependOnClassesThat().resideInAnyPackage(TOOLKIT, DOMAIN, "java..", "feign..",
          "com.fasterxml.jackson..", "org.slf4j..")
      .as("the backend toolkit depends on the domain, Feign, Jackson and slf4j only");

  /** Backends implement the domain's ports and know nothing of the application or the MCP side. */
  static final ArchRule BACKENDS_SEE_ONLY_THE_DOMAIN = noClasses().that(A_BACKEND)
      .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, MCP, BOOTSTRAP)
      .as("backend adapters never import the application, adapters-mcp or bootstrap");

  /**
   * The price reader turns files into the domain's price book and knows nothing else: no use case, no tool, no
   * backend; and nothing but bootstrap reads prices from it (the application gets the book by injection).
   */
  static final ArchRule PRICING_SEES_ONLY_THE_DOMAIN = noClasses().that().resideInAPackage(PRICING)
      .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, BOOTSTRAP)
      .as("adapters-pricing imports the domain (and JSON) only");

  static final ArchRule ONLY_BOOTSTRAP_READS_PRICE_FILES = noClasses().that().resideOutsideOfPackages(BOOTSTRAP, PRICING)
      .should().dependOnClassesThat().resideInAPackage(PRICING)
      .as("only bootstrap uses adapters-pricing");

  /** Bootstrap wires backends in through ServiceLoader only (they are runtime-scoped). */
  static final ArchRule BOOTSTRAP_DISCOVERS_BACKENDS = noClasses().that().resideInAPackage(BOOTSTRAP)
      .should().dependOnClassesThat(A_BACKEND)
      .as("bootstrap never imports a backend adapter (they are found by ServiceLoader)");

  /**
   * The OTLP codec is a library under the backends: OTLP's JSON and protobuf in, domain spans out — never a store,
   * a backend, the application or the MCP side.
   */
  static final ArchRule CODEC_SEES_ONLY_THE_DOMAIN_AND_ITS_FORMATS = classes().that().resideInAPackage(OTLP_CODEC)
      .should().onlyDependOnClassesThat().resideInAnyPackage(OTLP_CODEC, DOMAIN, "java..",
          "com.fasterxml.jackson..", "com.google.protobuf..", "io.opentelemetry.proto..")
      .as("the OTLP codec depends on the domain, Jackson and the OTLP protobuf classes only");

  /** The TCK is for tests: no production class of otel-mcp uses it (it brings JUnit, AssertJ and WireMock along). */
  static final ArchRule NOTHING_IN_PRODUCTION_USES_THE_TCK = noClasses().that().resideOutsideOfPackage(TCK)
      .should().dependOnClassesThat().resideInAPackage(TCK)
      .as("no production class depends on the TCK");

  /**
   * The TCK tests the SPI the way a third-party author sees it: the domain plus its test libraries, never an
   * otel-mcp implementation (a backend, the toolkit, the codec, the application).
   */
  static final ArchRule THE_TCK_SEES_ONLY_THE_SPI = classes().that().resideInAPackage(TCK)
      .should().onlyDependOnClassesThat().resideInAnyPackage(TCK, DOMAIN, "java..", "javax..", "org.junit..",
          "org.opentest4j..", "org.assertj..", "com.github.tomakehurst.wiremock..", "com.fasterxml.jackson..")
      .as("the TCK depends on the domain and its test libraries only");
}
