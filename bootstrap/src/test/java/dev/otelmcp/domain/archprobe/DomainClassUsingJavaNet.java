package dev.otelmcp.domain.archprobe;

import java.net.URI;

/** A deliberate violation (test sources only): HTTP plumbing in the domain, which belongs in the backend toolkit. */
public final class DomainClassUsingJavaNet {

  public String host(String url) {
    return URI.create(url).getHost();
  }
}
