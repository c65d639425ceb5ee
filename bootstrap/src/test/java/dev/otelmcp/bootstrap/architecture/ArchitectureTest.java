package dev.otelmcp.bootstrap.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of ARCHITECTURE.md, checked on every production class of every module. */
@AnalyzeClasses(packages = "dev.otelmcp", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;

  @ArchTest
  static final ArchRule applicationSeesDomainOnly = ArchitectureRules.APPLICATION_SEES_DOMAIN_ONLY;

  @ArchTest
  static final ArchRule adaptersAreIndependent = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT;

  @ArchTest
  static final ArchRule backendsSeeOnlyTheDomain = ArchitectureRules.BACKENDS_SEE_ONLY_THE_DOMAIN;

  @ArchTest
  static final ArchRule toolkitSeesOnlyTheDomainAndFeign = ArchitectureRules.TOOLKIT_SEES_ONLY_THE_DOMAIN_AND_FEIGN;

  @ArchTest
  static final ArchRule codecSeesOnlyTheDomainAndItsFormats = ArchitectureRules.CODEC_SEES_ONLY_THE_DOMAIN_AND_ITS_FORMATS;

  @ArchTest
  static final ArchRule pricingSeesOnlyTheDomain = ArchitectureRules.PRICING_SEES_ONLY_THE_DOMAIN;

  @ArchTest
  static final ArchRule onlyBootstrapReadsPriceFiles = ArchitectureRules.ONLY_BOOTSTRAP_READS_PRICE_FILES;

  @ArchTest
  static final ArchRule bootstrapDiscoversBackends = ArchitectureRules.BOOTSTRAP_DISCOVERS_BACKENDS;

  @ArchTest
  static final ArchRule nothingInProductionUsesTheTck = ArchitectureRules.NOTHING_IN_PRODUCTION_USES_THE_TCK;

  @ArchTest
  static final ArchRule theTckSeesOnlyTheSpi = ArchitectureRules.THE_TCK_SEES_ONLY_THE_SPI;
}
