package dev.vnetsim.simulator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.generate.EstateGenerator;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Route sharing gives every subnet exactly the routes computed for it alone, and the content-sized FIB index stays
 * equal to a linear scan on large tables (thousands of intervals, several per index chunk).
 */
class SharedRoutesTest {

  @Test
  void sharedTables_equalPerSubnetComputation(@TempDir Path dir) throws Exception {
    new EstateGenerator(new EstateGenerator.Settings(30, 4, 20, 9, 500)).writeTo(dir);
    Topology t = TopologyReader.read(List.of(dir)).topology();
    NetworkFacts facts = new NetworkFacts(t);
    SharedRoutes shared = new SharedRoutes(facts, EffectiveRoutesTest.TAGS);
    Random r = new Random(3);
    for (Subnet s : t.subnets().values()) {
      EffectiveRouteTable a = shared.forSubnet(s);
      EffectiveRouteTable b = EffectiveRoutes.forSubnet(facts, EffectiveRoutesTest.TAGS, s);
      assertThat(a.subnet()).isEqualTo(s.id());
      assertThat(a.routeTable()).isEqualTo(b.routeTable());
      assertThat(a.routes()).isEqualTo(b.routes());
      assertThat(a.unresolved()).isEqualTo(b.unresolved());
      for (int i = 0; i < 200; i++) {
        int addr = i % 2 == 0 ? r.nextInt() : 0x0A00_0000 | r.nextInt(1 << 16);
        assertThat(a.lookupV4(addr)).isEqualTo(b.lookupV4(addr));
      }
    }
    assertThat(shared.toString()).contains(t.subnets().size() + " subnets, 30 distinct route tables");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {4, 5})
  void largeFib_equalsLinearScan(long seed) {
    Random r = new Random(seed);
    for (int size : new int[] {2_000, 12_000}) {
      Map<Cidr, Integer> table = FibTest.randomV4(r, size);
      Fib fib = Fib.build(table);
      assertThat(fib.bytes()).as("content-sized").isLessThan(40L * (2 * size + 1));
      List<Cidr> keys = new ArrayList<>(table.keySet());
      for (int i = 0; i < 1500; i++) {
        Cidr c = keys.get(r.nextInt(keys.size()));
        IpAddress a = switch (i % 3) {
          case 0 -> c.first();
          case 1 -> c.last();
          default -> IpAddress.v4(r.nextInt());
        };
        assertThat(fib.lookupV4(a.v4Bits())).as("seed %d size %d %s", seed, size, a)
            .isEqualTo(FibTest.linear(table, a));
      }
    }
  }
}
