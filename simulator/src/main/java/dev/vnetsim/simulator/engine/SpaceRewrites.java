package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * Address translation inside a set-valued walk (a firewall's SNAT to its private IP, azure-semantics.md §4.6; DNAT,
 * §4.5): the space is rewritten to one value in the translated dimensions, walked on, and the parts found are mapped
 * back onto the space before the translation, so the parts still partition the query's space.
 */
final class SpaceRewrites {
  private SpaceRewrites() {}

  /** The space with its sources, destinations or destination port replaced (null = kept). */
  static FlowSpace rewrite(FlowSpace space, IpSet source, IpSet destination, Integer port) {
    FlowSpace out = FlowSpace.EMPTY;
    for (FlowBox x : space.boxes()) {
      FlowBox y = new FlowBox(source != null ? source : x.source(), destination != null ? destination
          : x.destination(), x.protocols(), x.sourcePorts(), port != null && x.hasPorts() ? Ports.single(port)
          : x.destinationPorts());
      out = out.union(FlowSpace.of(y));
    }
    return out;
  }

  /**
   * Parts found after a rewrite, as parts of the space before it: the rewritten dimensions take every value the
   * original had (the outcome cannot depend on them: they were all mapped to one value).
   */
  static List<SpaceWalk.SpacePart> mapBack(List<SpaceWalk.SpacePart> parts, FlowSpace original, boolean source,
      boolean destination, boolean port) {
    List<SpaceWalk.SpacePart> out = new ArrayList<>();
    for (SpaceWalk.SpacePart p : parts) {
      FlowSpace back = FlowSpace.EMPTY;
      for (FlowBox x : p.space().boxes()) {
        back = back.union(original.intersect(new FlowBox(source ? IpSet.ALL : x.source(), destination ? IpSet.ALL
            : x.destination(), x.protocols(), x.sourcePorts(), port ? Ports.ALL : x.destinationPorts())));
      }
      if (!back.isEmpty()) {
        out.add(new SpaceWalk.SpacePart(back, p.result()));
      }
    }
    return out;
  }
}
