package dev.vnetsim.model.network;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A public IP. Standard SKU is closed to inbound unless an NSG allows it; Basic is open (azure-semantics §1.10). */
public record PublicIpAddress(
    ResourceId id,
    String name,
    String location,
    Optional<IpAddress> ipAddress,
    Sku sku,
    Optional<ResourceId> ipConfiguration,
    Optional<ResourceId> publicIpPrefix) {

  public enum Sku {
    BASIC,
    STANDARD;

    public static Sku parse(String s) {
      return s != null && s.trim().equalsIgnoreCase("basic") ? BASIC : STANDARD;
    }
  }
}
