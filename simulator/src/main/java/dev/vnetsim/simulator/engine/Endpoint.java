package dev.vnetsim.simulator.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.dns.FlowName;

/** One end of a query (DESIGN §3 {@code --from}/{@code --to}), already resolved against the topology. */
public sealed interface Endpoint {

  /** A NIC (a VM resolves to its primary NIC). */
  record Nic(ResourceId id) implements Endpoint {
    public Nic {
      checkNotNull(id, "id");
    }
  }

  /** A public IP resource. */
  record PublicIp(ResourceId id) implements Endpoint {
    public PublicIp {
      checkNotNull(id, "id");
    }
  }

  /** An address or a prefix (a single address is a /32 or /128). */
  record Addresses(IpSet addresses, String text) implements Endpoint {
    public Addresses {
      checkNotNull(addresses, "addresses");
    }
  }

  /** A service tag by name (virtual tags are resolved in the source subnet's context). */
  record ServiceTag(String name) implements Endpoint {
    public ServiceTag {
      checkNotNull(name, "name");
    }
  }

  /**
   * A name (DESIGN §4): resolved from the source's VNet (linked private zones, then the public catalogue);
   * {@code pins} are {@code --resolve NAME=IP} answers, by lower-case name, that override every other answer.
   */
  record Fqdn(String name, ImmutableMap<String, IpAddress> pins) implements Endpoint {
    public Fqdn {
      checkNotNull(name, "name");
      checkNotNull(pins, "pins");
      name = FlowName.normalize(name);
    }

    public Fqdn(String name) {
      this(name, ImmutableMap.of());
    }
  }

  /** The public Internet. */
  record Internet() implements Endpoint {}
}
