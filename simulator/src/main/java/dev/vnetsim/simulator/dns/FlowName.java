package dev.vnetsim.simulator.dns;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.IpAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The name a flow carries (the FQDN it was addressed to, which Azure Firewall application rules match as SNI or Host,
 * azure-semantics.md §4.4) and the addresses pinned with {@code --resolve NAME=IP}, which override every other answer
 * for that name, here and at a firewall's DNS proxy. Names are lower case without a trailing dot. {@code publicAnswer}
 * is true when the client's answer came from public DNS (the catalogue or an unknown public name), so a firewall's
 * DNS proxy asking public DNS for the same name gets the same address (azure-semantics.md §4.3 [FW-FQDNNET]).
 */
public record FlowName(Optional<String> fqdn, ImmutableMap<String, IpAddress> pins, boolean publicAnswer) {

  public static final FlowName NONE = new FlowName(Optional.empty(), ImmutableMap.of(), false);

  public FlowName {
    checkNotNull(fqdn, "fqdn");
    checkNotNull(pins, "pins");
    fqdn = fqdn.map(FlowName::normalize);
  }

  public static FlowName of(String fqdn, ImmutableMap<String, IpAddress> pins, boolean publicAnswer) {
    return new FlowName(Optional.of(fqdn), pins, publicAnswer);
  }

  /** Lower case, trimmed, no trailing dot. */
  public static String normalize(String name) {
    String s = name.trim().toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  public Optional<IpAddress> pinned(String name) {
    return Optional.ofNullable(pins.get(normalize(name)));
  }
}
