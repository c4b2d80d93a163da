package dev.vnetsim.simulator.graph;

import dev.vnetsim.model.ResourceId;

/** A vertex of the forwarding graph: subnets, NICs, appliances, gateways and external endpoints (records). */
public sealed interface Node {

  /** Stable key used as the vertex id in DOT and Mermaid output. */
  String key();

  /** Display label. */
  String label();

  record Subnet(ResourceId id, String vnet) implements Node {
    @Override
    public String key() {
      return "subnet_" + vnet + "_" + id.name();
    }

    @Override
    public String label() {
      return vnet + "/" + id.name();
    }
  }

  record Nic(ResourceId id) implements Node {
    @Override
    public String key() {
      return "nic_" + id.name();
    }

    @Override
    public String label() {
      return id.name();
    }
  }

  /** A next hop of user routes: a NIC with IP forwarding, or an Azure Firewall. */
  record Appliance(ResourceId id, String address) implements Node {
    @Override
    public String key() {
      return "appliance_" + id.name();
    }

    @Override
    public String label() {
      return id.name() + " (" + address + ")";
    }
  }

  record Gateway(ResourceId id) implements Node {
    @Override
    public String key() {
      return "gateway_" + id.name();
    }

    @Override
    public String label() {
      return id.name();
    }
  }

  /** Something outside the modelled VNets: the Internet, an on-premises site, a service, a private endpoint. */
  record External(String name) implements Node {
    @Override
    public String key() {
      return "ext_" + name;
    }

    @Override
    public String label() {
      return name;
    }
  }
}
