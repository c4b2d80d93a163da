package dev.vnetsim.benchmarks;

import com.google.common.collect.ImmutableSet;
import dev.vnetsim.benchmarks.fixtures.FirewallEstate;
import dev.vnetsim.benchmarks.fixtures.ReferenceFirewallTrace;
import dev.vnetsim.benchmarks.fixtures.ServiceTagFixtures;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.servicetag.ServiceTag;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.Query;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A set-valued trace from a compute NIC to all of Storage.EastUS on TCP 443 and 445 (real Public service-tag file),
 * through a subnet NSG, a 0.0.0.0/0 route to an Azure Firewall with {@code rules} rules (policy of 5 groups × 4
 * collections, network rules to real tags and prefixes, application rules) and the firewall subnet's Internet route:
 * the engine ({@code DataPlaneEngine.trace(Query)}, firewall compiled once per data plane) against a straightforward
 * evaluator that enumerates the tag's prefixes and scans NSG rules, routes and firewall rules linearly per prefix and
 * port ({@link ReferenceFirewallTrace}). The setup checks both give the same disposition and deciding rule for every
 * prefix and port. Target: engine ≤ 1 ms median.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FirewallTraceBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class FirewallTraceBenchmark {

  /** Implementation under test. */
  public enum Impl {
    ENGINE,
    REFERENCE
  }

  static final int[] PORTS = {443, 445};

  @Param({"ENGINE", "REFERENCE"})
  Impl impl;

  @Param({"500"})
  int rules;

  DataPlaneEngine engine;
  ReferenceFirewallTrace reference;
  Query query;
  List<Cidr> prefixes;

  @Setup(Level.Trial)
  public void setup() {
    ServiceTagCatalog catalog = ServiceTagFixtures.load(ServiceTagFixtures.PUBLIC_FILE);
    ServiceTagLookup tags = ServiceTagLookup.of(catalog);
    List<String> names = new ArrayList<>();
    for (ServiceTag t : catalog.tags()) {
      String n = t.name().toLowerCase(Locale.ROOT);
      if (!n.startsWith("azurecloud") && (!n.contains(".") || n.endsWith(".eastus") || n.endsWith(".westus")
          || n.endsWith(".westeurope"))) {
        names.add(t.name());
      }
    }
    names.sort(String::compareTo);
    List<Cidr> carved = new ArrayList<>();
    List<Cidr> storage = catalog.tag("Storage.EastUS").orElseThrow().prefixes();
    for (int i = 0; i < storage.size(); i += 4) {
      carved.add(storage.get(i));
    }
    Topology t = FirewallEstate.build(names, carved, rules, 17);
    DataPlane dp = DataPlane.compile(t, tags);
    engine = new DataPlaneEngine(dp);
    reference = new ReferenceFirewallTrace(dp, dp.nic(FirewallEstate.NIC).orElseThrow());
    query = new Query(new Endpoint.Nic(FirewallEstate.NIC), new Endpoint.ServiceTag("Storage.EastUS"),
        ImmutableSet.of(Protocol.TCP), Ports.ALL, Ports.of(List.of(PortRange.single(443), PortRange.single(445))));
    prefixes = catalog.tag("Storage.EastUS").orElseThrow().prefixes();
    check(engine.trace(query), reference.evaluate(prefixes, PORTS));
  }

  /** Both answer alike for every prefix and port (the first address of each stands for it). */
  static void check(Trace trace, List<ReferenceFirewallTrace.Outcome> expected) {
    IpAddress src = IpAddress.parse("10.1.1.4");
    for (ReferenceFirewallTrace.Outcome o : expected) {
      Flow f = new Flow(src, o.prefix().first(), Protocol.TCP, 50000, o.port());
      Part p = trace.parts().stream().filter(x -> x.space().contains(f)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no part holds " + f));
      String rule = p.decidedBy().map(d -> d.ruleName()).orElse("-");
      if (!p.disposition().name().equals(o.disposition()) || !rule.equals(o.rule())) {
        throw new IllegalStateException("engine " + p.disposition() + " " + rule + " vs reference " + o + " for " + f);
      }
    }
  }

  @Benchmark
  public Object trace() {
    if (impl == Impl.ENGINE) {
      return engine.trace(query);
    }
    return reference.evaluate(prefixes, PORTS);
  }
}
