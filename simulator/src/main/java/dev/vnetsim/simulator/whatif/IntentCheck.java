package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.FlowBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code check --intents}: simulates every intent on one topology. Subnets and Azure ML computes named by intents
 * get probes ({@link SubnetProbe}); everything else is parsed as {@code trace} parses it. An endpoint that names
 * nothing is an error in the intents file (file, path, reason).
 */
public final class IntentCheck {
  private IntentCheck() {}

  public static ImmutableList<IntentResult> run(Topology topology, ServiceTagLookup tags, EndpointParser parser,
      List<Intent> intents) {
    return run(topology, tags, parser, intents, Memo.none());
  }

  /** As above; the compiled side (topology, catalogue, probes) may come from {@code memo}. */
  public static ImmutableList<IntentResult> run(Topology topology, ServiceTagLookup tags, EndpointParser parser,
      List<Intent> intents, Memo memo) {
    List<ResourceId> subnets = new ArrayList<>();
    for (Intent i : intents) {
      subnet(i, "from", i.from(), topology).ifPresent(subnets::add);
      subnet(i, "to", i.to(), topology).ifPresent(subnets::add);
    }
    ImmutableMap<ResourceId, SubnetProbe> probes = Probes.plan(List.of(topology), subnets);
    Side side = memo.get("check.side", List.of(new Memo.Same(topology), new Memo.Same(tags), new Memo.Same(parser),
        probes), () -> Side.compile(topology, tags, probes, parser)).fresh();
    ImmutableList.Builder<IntentResult> out = ImmutableList.builder();
    for (Intent i : intents) {
      Site from = new Site.Text(i.from());
      Site to = new Site.Text(i.to());
      check(side, from, i, "from");
      check(side, to, i, "to");
      FlowRequest r = new FlowRequest(from, to, FlowBox.expand(i.protocol()), i.portSet());
      out.add(IntentResult.of(i, side.trace(r)));
    }
    return out.build();
  }

  private static Optional<ResourceId> subnet(Intent i, String key, String text, Topology t) {
    try {
      return Site.Text.subnetNamed(text, t);
    } catch (IllegalArgumentException e) {
      throw new InvalidTopologyException(i.at().key(key), e.getMessage());
    }
  }

  private static void check(Side side, Site site, Intent i, String key) {
    try {
      side.check(site);
    } catch (IllegalArgumentException e) {
      throw new InvalidTopologyException(i.at().key(key), e.getMessage());
    }
  }
}
