package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Port classes answered fast ({@link ClassDifferences}: classes without a difference skipped, classes inside one
 * interval of the traces' port boundaries answered once) give, class by class, the kinds and verdicts of answering
 * every class on its own: every subnet-to-subnet and subnet-to-Internet flow of the bundled example under seeded
 * random changes, with the real port classes and with seeded random classes that straddle the traces' boundaries.
 */
class ClassDifferencesTest {

  @Test
  void fastEqualsDirect_classByClass() {
    ArmResources base = WhatIfFixtures.example();
    SplittableRandom rnd = new SplittableRandom(3);
    int compared = 0;
    int differing = 0;
    for (int i = 0; i < 10; i++) {
      String patch = RandomChanges.patch(base, rnd);
      ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("c.json", patch));
      ImmutableMap<ResourceId, SubnetProbe> probes = Probes.planAll(List.of(cs.before(), cs.after()));
      Side before = Side.compile(cs.before(), WhatIfFixtures.tags(), probes, WhatIfFixtures.PARSER);
      Side after = Side.compile(cs.after(), WhatIfFixtures.tags(), probes, WhatIfFixtures.PARSER);
      List<Site> sites = new ArrayList<>(List.of(Differential.INTERNET));
      probes.values().forEach(p -> sites.add(new Site.SubnetSite(p.subnet(), p.label())));
      for (Site from : sites) {
        for (Site to : sites) {
          if (from == to) {
            continue;
          }
          FlowRequest r = new FlowRequest(from, to, Differential.PROTOCOLS, Ports.ALL);
          Trace b = before.trace(r);
          Trace a = after.trace(r);
          for (Protocol p : List.of(Protocol.TCP, Protocol.UDP)) {
            for (List<PortRange> classes : List.of(PortClasses.of(p, List.of(cs.before(), cs.after())),
                randomClasses(rnd))) {
              Map<PortRange, List<Object>> fast = answers(b, a, p, classes, true);
              Map<PortRange, List<Object>> direct = answers(b, a, p, classes, false);
              direct.values().removeIf(List::isEmpty);
              assertThat(fast).as("%s -> %s %s after %s", from.text(), to.text(), p, patch).isEqualTo(direct);
              compared++;
              differing += direct.isEmpty() ? 0 : 1;
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(200);
    assertThat(differing).as("flows with a difference").isGreaterThan(10);
  }

  /** Per class: each difference's kind and both verdicts (what a what-if row is made of besides the ports). */
  private static Map<PortRange, List<Object>> answers(Trace b, Trace a, Protocol p, List<PortRange> classes,
      boolean fast) {
    Map<PortRange, List<Object>> out = new LinkedHashMap<>();
    for (ClassDifferences.Group g : ClassDifferences.of(b, a, p, classes, fast)) {
      List<Object> row = new ArrayList<>();
      g.differences().forEach(d -> row.add(List.of(d.kind(), FlowChange.Verdict.of(d.before()),
          FlowChange.Verdict.of(d.after()))));
      for (PortRange r : g.ports()) { // a group's ranges are made of whole classes (adjacent ones may be joined)
        long covered = classes.stream().filter(c -> r.from() <= c.from() && c.to() <= r.to())
            .mapToLong(c -> c.to() - c.from() + 1L).sum();
        assertThat(covered).as("ports of %s in classes", r).isEqualTo(r.to() - r.from() + 1L);
      }
      for (PortRange c : classes) {
        if (g.ports().stream().anyMatch(r -> r.from() <= c.from() && c.to() <= r.to())) {
          out.put(c, row);
        }
      }
    }
    return out;
  }

  /**
   * Classes cut at a few random ports (coarse: most straddle the traces' boundaries) or many (fine), some dropped at
   * times (gaps, as when only the classes that meet a flow's ports are compared).
   */
  private static List<PortRange> randomClasses(SplittableRandom rnd) {
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0));
    int n = rnd.nextBoolean() ? 3 : 300;
    for (int i = 0; i < n; i++) {
      cuts.add(rnd.nextInt(1, 65536));
    }
    List<PortRange> out = new ArrayList<>();
    Integer start = null;
    for (int c : cuts) {
      if (start != null) {
        out.add(new PortRange(start, c - 1));
      }
      start = c;
    }
    out.add(new PortRange(start, 65535));
    if (rnd.nextInt(3) == 0) { // classes that meet only some ports of a flow: gaps between them
      out.removeIf(c -> out.size() > 1 && rnd.nextInt(4) == 0);
    }
    return out;
  }
}
