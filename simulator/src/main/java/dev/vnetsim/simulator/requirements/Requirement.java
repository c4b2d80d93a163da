package dev.vnetsim.simulator.requirements;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.util.Locale;

/**
 * One row of a requirement pack: a flow Azure ML needs, as Microsoft's tables write it. {@code peer} is a service
 * tag or FQDN, with {@code <region>} still in it; {@link #forRegion} fills it in.
 */
public record Requirement(
    String id,
    Direction direction,
    Kind kind,
    String peer,
    Protocol protocol,
    ImmutableList<PortRange> ports,
    String purpose,
    AppliesTo appliesTo,
    boolean required,
    String source) {

  /** How the docs name the peer. */
  public enum Kind {
    SERVICE_TAG("serviceTag"),
    FQDN("fqdn");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  /** Which compute the row applies to. */
  public enum AppliesTo {
    ALL,
    PUBLIC_IP,
    NO_PUBLIC_IP;

    public boolean appliesTo(boolean publicIp) {
      return this == ALL || (this == PUBLIC_IP) == publicIp;
    }
  }

  /** The row with {@code <region>} replaced: tags keep Azure's region spelling, FQDNs are lower case. */
  public Requirement forRegion(String region, String tagRegion) {
    String filled = kind == Kind.FQDN
        ? peer.replace("<region>", region.toLowerCase(Locale.ROOT))
        : peer.replace("<region>", tagRegion);
    return new Requirement(id, direction, kind, filled, protocol, ports, purpose, appliesTo, required, source);
  }
}
