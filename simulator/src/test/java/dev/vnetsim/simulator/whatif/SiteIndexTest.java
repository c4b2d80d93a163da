package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SiteIndex} against asking every site, on seeded random sets (nested, touching, v4 and v6, empty). */
class SiteIndexTest {

  @Test
  void meeting_equalsAskingEverySite() {
    SplittableRandom rnd = new SplittableRandom(11);
    int met = 0;
    for (int round = 0; round < 200; round++) {
      List<Site> sites = new ArrayList<>();
      Map<Site, IpSet> sets = new HashMap<>();
      for (int i = 0, n = rnd.nextInt(40); i < n; i++) {
        Site s = new Site.Text("s" + i);
        sites.add(s);
        sets.put(s, randomSet(rnd));
      }
      SiteIndex index = SiteIndex.of(sites, sets::get);
      for (int q = 0; q < 20; q++) {
        IpSet query = randomSet(rnd);
        BitSet expected = new BitSet();
        for (int i = 0; i < sites.size(); i++) {
          if (sets.get(sites.get(i)).intersects(query)) {
            expected.set(i);
          }
        }
        BitSet actual = new BitSet();
        index.meeting(query, actual);
        assertThat(actual).as("round %d, query %s", round, query).isEqualTo(expected);
        met += expected.cardinality();
      }
    }
    assertThat(met).as("queries that meet some site").isGreaterThan(1000);
  }

  /** Up to three ranges in a small space (so that sets overlap, nest and touch), sometimes a large or a v6 one. */
  private static IpSet randomSet(SplittableRandom rnd) {
    IpSet out = IpSet.EMPTY;
    for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
      int kind = rnd.nextInt(10);
      if (kind == 0) {
        out = out.union(IpSet.parse("2001:db8::" + Integer.toHexString(4 * rnd.nextInt(16)) + "/126"));
      } else {
        long first = 0x0A000000L + rnd.nextInt(kind == 1 ? 16 : 1024);
        long last = first + (kind == 1 ? rnd.nextInt(2048) : rnd.nextInt(8));
        out = out.union(IpSet.range(IpAddress.v4(first), IpAddress.v4(last)));
      }
    }
    return out;
  }
}
