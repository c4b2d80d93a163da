package dev.vnetsim.simulator.firewall;

/** The three rule passes of Azure Firewall, in processing order (azure-semantics.md §4.2 step 2). */
public enum Pass {
  DNAT,
  NETWORK,
  APPLICATION
}
