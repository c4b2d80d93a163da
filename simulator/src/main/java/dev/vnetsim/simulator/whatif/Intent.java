package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.Ports;
import java.util.Locale;

/**
 * One line of an intents file (DESIGN §3 {@code check}): a flow and whether it must get through. {@code ports} is
 * empty when the intent names none (all ports). {@code at} is where it sits in the file, {@code line} its first
 * line (1-based; 0 when unknown), for SARIF locations.
 */
public record Intent(String name, String from, String to, Protocol protocol, ImmutableList<PortRange> ports,
    Expect expect, InputPath at, int line) {

  /** What the intent asserts. */
  public enum Expect {
    REACHABLE,
    BLOCKED;

    /** {@code reachable} / {@code blocked}, as the file and the output write it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Expect of(boolean reachable) {
      return reachable ? REACHABLE : BLOCKED;
    }
  }

  public Intent {
    checkNotNull(name, "name");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(protocol, "protocol");
    checkNotNull(ports, "ports");
    checkNotNull(expect, "expect");
    checkNotNull(at, "at");
  }

  /** The destination ports as a range set (all ports when none are named). */
  public ImmutableRangeSet<Integer> portSet() {
    return ports.isEmpty() ? Ports.ALL : Ports.of(ports);
  }

  /** The ports as strings ({@code 443}, {@code 1024-2048}); empty for all ports. */
  public ImmutableList<String> portTexts() {
    return ports.stream().map(PortRange::toString).collect(ImmutableList.toImmutableList());
  }

  /** {@code TCP}, {@code UDP}, {@code ICMP} or {@code ANY}. */
  public String protocolText() {
    return protocol.name();
  }

  /** {@code from -> to TCP 443,445}: the flow in one line. */
  public String flowText() {
    String p = ports.isEmpty() ? "" : " " + String.join(",", portTexts());
    return from + " -> " + to + " " + protocolText() + p;
  }
}
