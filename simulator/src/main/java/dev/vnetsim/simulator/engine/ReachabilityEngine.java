package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.NextHopResult;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.Trace;
import java.util.Optional;

/** The questions the simulator answers over a compiled {@link DataPlane} (DESIGN §3). */
public interface ReachabilityEngine {

  /** Simulates a query: a concrete walk when the query is one packet, else a set-valued one split into parts. */
  Trace trace(Query query);

  /** Simulates one packet sent by a NIC (the fast path). */
  Trace trace(ResourceId sourceNic, Flow packet);

  /** The effective routes of a subnet, or of a NIC's subnet; empty when the id is neither. */
  Optional<EffectiveRouteTable> routes(ResourceId subnetOrNic);

  /** Network Watcher next hop from a NIC (or a NIC's address) to a destination; empty when the source is unknown. */
  Optional<NextHopResult> nextHop(ResourceId sourceNic, IpAddress destination);

  Optional<NextHopResult> nextHop(IpAddress source, IpAddress destination);

  /** Network Watcher IP flow verify on a NIC; empty when the NIC is unknown. */
  Optional<FlowVerifyResult> flowVerify(ResourceId nic, Direction direction, Protocol protocol, IpAddress local,
      int localPort, IpAddress remote, int remotePort);

  DataPlane dataPlane();
}
