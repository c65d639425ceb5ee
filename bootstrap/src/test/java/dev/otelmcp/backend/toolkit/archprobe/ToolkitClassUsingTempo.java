package dev.otelmcp.backend.toolkit.archprobe;

/** A deliberate violation (test sources only): the backend toolkit importing a backend adapter. */
public final class ToolkitClassUsingTempo {

  public String borrow() {
    return dev.otelmcp.adapters.tempo.TempoTraceStoreProvider.class.getName();
  }
}
