package dev.otelmcp.domain.port;

/** Whether a backend answers, with a short detail ("classic /api, 4 services" or the failure). */
public record HealthStatus(boolean healthy, String detail) {

  public HealthStatus {
    detail = detail == null ? "" : detail;
  }

  public static HealthStatus healthy(String detail) {
    return new HealthStatus(true, detail);
  }

  public static HealthStatus unhealthy(String detail) {
    return new HealthStatus(false, detail);
  }
}
