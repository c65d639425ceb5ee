package dev.otelmcp.domain.archprobe;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A deliberate violation (test sources only): a domain class importing Jackson. */
public final class DomainClassUsingJackson {

  public String render(Object value) throws Exception {
    return new ObjectMapper().writeValueAsString(value);
  }
}
