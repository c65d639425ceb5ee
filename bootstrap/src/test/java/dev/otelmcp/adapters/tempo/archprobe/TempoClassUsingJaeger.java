package dev.otelmcp.adapters.tempo.archprobe;

/** A deliberate violation (test sources only): one backend adapter importing another. */
public final class TempoClassUsingJaeger {

  public String borrow() {
    return dev.otelmcp.adapters.jaeger.JaegerTraceStoreProvider.class.getName();
  }
}
