package dev.vnetsim.simulator.policy;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-valued NSG evaluation: splits a flow space into parts each decided by one rule, scanning rules in evaluation
 * order and removing what each rule matches from what is left (azure-semantics.md §1.4: first match decides; the
 * DenyAll default rule leaves nothing over). A rule with an unresolved term yields a certain part (what it surely
 * matches) and an uncertain one (what it may match), and removes both.
 */
public final class NsgSpaceEvaluator {
  private NsgSpaceEvaluator() {}

  public static List<NsgPart> evaluate(ResolvedNsg nsg, FlowSpace space) {
    List<NsgPart> out = new ArrayList<>();
    FlowSpace rest = space;
    for (ResolvedRule r : nsg.rules()) {
      if (rest.isEmpty()) {
        break;
      }
      FlowSpace sure = r.certainRegion();
      FlowSpace hit;
      if (!meets(rest, sure)) { // most rules of a large NSG: nothing to cut, nothing to allocate
        hit = FlowSpace.EMPTY;
      } else if (sure.boxes().size() == 1) { // one box: each box of the rest is met with it once, for both cuts
        FlowBox s = sure.boxes().get(0);
        ImmutableList.Builder<FlowBox> in = ImmutableList.builder();
        ImmutableList.Builder<FlowBox> left = ImmutableList.builder();
        for (FlowBox b : rest.boxes()) {
          FlowBox common = b.intersects(s) ? b.intersect(s) : FlowBox.EMPTY;
          if (common.isEmpty()) {
            left.add(b);
          } else {
            in.add(common);
            left.addAll(b.minus(s, common));
          }
        }
        hit = new FlowSpace(in.build());
        rest = new FlowSpace(left.build());
      } else {
        hit = rest.intersect(sure);
        rest = rest.minus(sure);
      }
      if (!hit.isEmpty()) {
        out.add(new NsgPart(hit, r, true));
      }
      if (!r.certain() && !rest.isEmpty() && meets(rest, r.possibleRegion())) {
        FlowSpace maybe = r.possibleRegion();
        FlowSpace unsure = rest.intersect(maybe);
        if (!unsure.isEmpty()) {
          out.add(new NsgPart(unsure, r, false));
        }
        rest = rest.minus(maybe);
      }
    }
    return out;
  }

  /** Whether some packet is in both (allocation-free). */
  private static boolean meets(FlowSpace a, FlowSpace b) {
    for (FlowBox x : a.boxes()) {
      for (FlowBox y : b.boxes()) {
        if (x.intersects(y)) {
          return true;
        }
      }
    }
    return false;
  }
}
