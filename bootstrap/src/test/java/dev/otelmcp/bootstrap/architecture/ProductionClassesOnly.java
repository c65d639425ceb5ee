package dev.otelmcp.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Production classes only: no test classes of this module, and no test-jars should one appear. The TCK is an
 * ordinary artifact and is checked like the rest (it may use test libraries; nothing may use it).
 */
final class ProductionClassesOnly implements ImportOption {

  private static final ImportOption NO_TEST_CLASSES = new DoNotIncludeTests();

  @Override
  public boolean includes(Location location) {
    return NO_TEST_CLASSES.includes(location) && !location.contains("-tests.jar");
  }
}
