package dev.vnetsim.model.dns;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A record set: relative name ({@code @} for the apex), type, and its A/AAAA addresses or CNAME target. */
public record DnsRecordSet(ResourceId id, String name, RecordType type, int ttl, ImmutableList<IpAddress> addresses,
    Optional<String> cname) {

  public enum RecordType {
    A,
    AAAA,
    CNAME
  }
}
