package dev.vnetsim.simulator.trace;

import static com.google.common.base.Preconditions.checkArgument;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;

/**
 * One concrete packet that opens a flow: addresses, a concrete protocol (never {@link Protocol#ANY}) and ports.
 * Ports of protocols without ports (ICMP, ESP, AH) are ignored and normalised to 0.
 */
public record Flow(IpAddress source, IpAddress destination, Protocol protocol, int sourcePort, int destinationPort) {
  public Flow {
    checkArgument(protocol != Protocol.ANY, "a packet has a concrete protocol");
    checkArgument(source.family() == destination.family(), "source and destination of one family");
    checkArgument(sourcePort >= 0 && sourcePort <= 65535 && destinationPort >= 0 && destinationPort <= 65535,
        "ports within 0-65535");
    if (!protocol.hasPorts()) {
      sourcePort = 0;
      destinationPort = 0;
    }
  }

  public static Flow of(String source, String destination, Protocol protocol, int sourcePort, int destinationPort) {
    return new Flow(IpAddress.parse(source), IpAddress.parse(destination), protocol, sourcePort, destinationPort);
  }

  @Override
  public String toString() {
    String ports = protocol.hasPorts() ? ":" + sourcePort + " -> " : " -> ";
    return protocol.armName() + " " + source + ports + destination + (protocol.hasPorts() ? ":" + destinationPort : "");
  }
}
