package dev.otelmcp.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The TCK can fail: run on stores that break its rules, its tests fail — each one for the rule it names — and on
 * a store that keeps them, they pass. (The broken stores are nested classes, so the build never runs them itself.)
 */
class TckCatchesBrokenStoresTest {

  @Test
  void anHonestHttpStorePassesTheFailureContract() {
    Map<String, TestExecutionResult.Status> results = run(HonestStoreFailureContract.class);

    assertThat(results).hasSize(6).allSatisfy((test, status) ->
        assertThat(status).as(test).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  @Test
  void aStoreThatQuotesTheServersAnswerLeaksTheSecretAndFails() {
    Map<String, TestExecutionResult.Status> results = run(LeakyStoreFailureContract.class);

    assertThat(failed(results)).containsExactlyInAnyOrder("aServerErrorIsUnavailable",
        "rateLimitingIsRateLimitedAndCarriesRetryAfter", "aRejectedRequestIsRejected",
        "refusedCredentialsAreRejectedWithoutQuotingThem");
  }

  @Test
  void aStoreThatAnswersFailuresWithEmptyResultsFails() {
    Map<String, TestExecutionResult.Status> results = run(SilentStoreFailureContract.class);

    assertThat(failed(results)).hasSize(6);
  }

  @Test
  void anHonestStorePassesTheBehaviouralContract() {
    Map<String, TestExecutionResult.Status> results = run(HonestMemoryContract.class);

    assertThat(failed(results)).isEmpty();
    assertThat(results).containsEntry("filtersTheStoreClaimsFindTheKnownData", TestExecutionResult.Status.SUCCESSFUL)
        .containsEntry("aStoreThatScansLlmCallsItselfVisitsTheSearchsTracesWithTheDomainsCalls",
            TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void aStoreThatIgnoresFiltersItDoesNotClaimFails() {
    Map<String, TestExecutionResult.Status> results = run(FilterIgnoringMemoryContract.class);

    assertThat(failed(results)).contains("filtersTheStoreDoesNotClaimAreRefusedOrStillExact");
  }

  @Test
  void aStoreThatIgnoresAFilterItClaimsFails() {
    Map<String, TestExecutionResult.Status> results = run(ClaimIgnoringMemoryContract.class);

    assertThat(failed(results)).contains("filtersTheStoreClaimsAreEvaluatedExactly",
        "filtersTheStoreClaimsFindTheKnownData");
  }

  @Test
  void aStoreThatFindsNothingFails() {
    Map<String, TestExecutionResult.Status> results = run(EmptyMemoryContract.class);

    assertThat(failed(results)).contains("searchWithoutFiltersHonoursTheLimitAndReturnsCanonicalIds",
        "filtersTheStoreClaimsFindTheKnownData", "listServicesHoldsTheKnownServiceSortedAndUnique");
  }

  @Test
  void aStoreWhoseScanLeavesOutWhatTheLlmViewsReadFails() {
    Map<String, TestExecutionResult.Status> results = run(ProjectingMemoryContract.class);

    assertThat(failed(results)).containsExactly("aStoreThatScansLlmCallsItselfVisitsTheSearchsTracesWithTheDomainsCalls");
  }

  static final class HonestStoreFailureContract extends AbstractBackendFailureContractTest {
    @Override
    protected dev.otelmcp.domain.port.TraceStore storeAt(String baseUrl, String secret) {
      return new MiniHttpStore(baseUrl, secret, MiniHttpStore.Flaw.NONE);
    }
  }

  static final class LeakyStoreFailureContract extends AbstractBackendFailureContractTest {
    @Override
    protected dev.otelmcp.domain.port.TraceStore storeAt(String baseUrl, String secret) {
      return new MiniHttpStore(baseUrl, secret, MiniHttpStore.Flaw.QUOTES_THE_ANSWER);
    }
  }

  static final class SilentStoreFailureContract extends AbstractBackendFailureContractTest {
    @Override
    protected dev.otelmcp.domain.port.TraceStore storeAt(String baseUrl, String secret) {
      return new MiniHttpStore(baseUrl, secret, MiniHttpStore.Flaw.ANSWERS_EMPTY);
    }
  }

  static final class HonestMemoryContract extends MemoryStoreContract {
    HonestMemoryContract() {
      super(MemoryStore.Flaw.NONE);
    }
  }

  static final class FilterIgnoringMemoryContract extends MemoryStoreContract {
    FilterIgnoringMemoryContract() {
      super(MemoryStore.Flaw.IGNORES_UNCLAIMED_FILTERS);
    }
  }

  static final class ClaimIgnoringMemoryContract extends MemoryStoreContract {
    ClaimIgnoringMemoryContract() {
      super(MemoryStore.Flaw.IGNORES_CLAIMED_FILTERS);
    }
  }

  static final class ProjectingMemoryContract extends MemoryStoreContract {
    ProjectingMemoryContract() {
      super(MemoryStore.Flaw.SCAN_LOSES_ATTRIBUTES);
    }
  }

  static final class EmptyMemoryContract extends MemoryStoreContract {
    EmptyMemoryContract() {
      super(MemoryStore.Flaw.FINDS_NOTHING);
    }
  }

  private static List<String> failed(Map<String, TestExecutionResult.Status> results) {
    return results.entrySet().stream().filter(e -> e.getValue() == TestExecutionResult.Status.FAILED)
        .map(Map.Entry::getKey).toList();
  }

  /** Runs one contract class through the JUnit Platform: test method name → outcome. */
  private static Map<String, TestExecutionResult.Status> run(Class<?> contract) {
    Map<String, TestExecutionResult.Status> results = new TreeMap<>();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract))
        .build();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
          results.put(test.getDisplayName().replace("()", ""), result.getStatus());
        }
      }
    });
    return results;
  }
}
