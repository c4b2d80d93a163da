package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A side's trace cache holds traces up to its weight, least recently used evicted first, and answers as an unbounded
 * one: every subnet's flows to the Internet and to each other on the bundled example, asked twice.
 */
class SideCacheTest {

  @Test
  void boundedCache_evictsTheLeastRecentlyUsed_andAnswersAsAnUnboundedOne() {
    Topology t = WhatIfFixtures.example().topology();
    ImmutableMap<ResourceId, SubnetProbe> probes = Probes.planAll(List.of(t));
    Side unbounded = Side.compile(t, WhatIfFixtures.tags(), probes, WhatIfFixtures.PARSER);
    List<FlowRequest> requests = new ArrayList<>();
    List<Site> sites = new ArrayList<>(List.of(Differential.INTERNET));
    probes.values().forEach(p -> sites.add(new Site.SubnetSite(p.subnet(), p.label())));
    for (Site from : sites) {
      for (Site to : sites) {
        if (from != to) {
          requests.add(new FlowRequest(from, to, Differential.PROTOCOLS, Ports.ALL));
        }
      }
    }
    long total = requests.stream().mapToLong(r -> Side.weight(unbounded.trace(r))).sum();
    assertThat(unbounded.cachedWeight()).isEqualTo(total);
    long limit = total / 3;
    Side bounded = unbounded.fresh(limit);
    for (int round = 0; round < 2; round++) {
      for (FlowRequest r : requests) {
        Trace b = bounded.trace(r);
        assertThat(b).as("%s, round %d", r, round).isEqualTo(unbounded.trace(r));
        assertThat(bounded.cachedWeight()).isLessThanOrEqualTo(Math.max(limit, Side.weight(b)));
      }
    }
    // the first requests were evicted by the time they were asked again, so they were simulated twice
    assertThat(bounded.simulated()).isGreaterThan(requests.size());
    assertThat(unbounded.simulated()).isEqualTo(requests.size());
    // the last request asked is still cached: asking again simulates nothing
    int simulated = bounded.simulated();
    bounded.trace(requests.get(requests.size() - 1));
    assertThat(bounded.simulated()).isEqualTo(simulated);
  }
}
