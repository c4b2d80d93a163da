package dev.vnetsim.simulator.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;

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

  /** The public Internet. */
  record Internet() implements Endpoint {}
}
