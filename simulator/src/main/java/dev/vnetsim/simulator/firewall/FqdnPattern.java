package dev.vnetsim.simulator.firewall;

import dev.vnetsim.simulator.dns.FlowName;

/**
 * An application rule's target FQDN (azure-semantics.md §4.4 [FW-FAQ] wildcard table): {@code www.contoso.com} only
 * itself; {@code *.contoso.com} any name below it, not the apex; {@code *contoso.com} any name ending in
 * {@code contoso.com}, apex included (and {@code th3re4lcontoso.com}); a bare {@code *} every name. Only a left-most
 * asterisk is supported: a pattern with another asterisk matches nothing.
 */
public record FqdnPattern(String text) {

  public FqdnPattern {
    text = FlowName.normalize(text);
  }

  public boolean matches(String fqdn) {
    String n = FlowName.normalize(fqdn);
    if (text.equals("*")) {
      return true;
    }
    if (text.indexOf('*', 1) >= 0) {
      return false; // www.contoso.* and *.contoso.* are not supported
    }
    if (text.startsWith("*")) {
      String suffix = text.substring(1);
      return n.endsWith(suffix) && (!suffix.startsWith(".") || n.length() > suffix.length());
    }
    return n.equals(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
