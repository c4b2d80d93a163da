package dev.vnetsim.simulator.firewall;

/**
 * The modelling choices a firewall answer may rest on; the engine names each in the trace with the text of the
 * {@code Assumptions} constant of the same name (the one place where choices are worded).
 */
public enum FirewallChoice {
  FW_THREAT_INTEL,
  FW_NETWORK_FQDN_NEEDS_PROXY,
  FW_NETWORK_FQDN_BY_NAME,
  FW_NETWORK_FQDN_UNRESOLVED,
  FW_APP_RULE_NEEDS_NAME,
  FW_APP_RULE_PROTOCOL,
  FW_INFRASTRUCTURE_RULES,
  FW_DNAT_FINAL,
  FW_SNAT_PRIVATE_RANGES,
  FW_APP_SNAT_SOURCE,
  FW_ANY_PROTOCOL
}
