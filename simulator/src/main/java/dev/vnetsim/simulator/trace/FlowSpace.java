package dev.vnetsim.simulator.trace;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A set of packets as a union of pairwise disjoint, non-empty {@link FlowBox}es (DESIGN §1). A concrete packet is a
 * space of one point box. Decision points split a space into parts with one outcome each.
 */
public record FlowSpace(ImmutableList<FlowBox> boxes) {

  public static final FlowSpace EMPTY = new FlowSpace(ImmutableList.of());

  /** A space from boxes that may overlap (made disjoint here). */
  public static FlowSpace union(Iterable<FlowBox> boxes) {
    FlowSpace s = EMPTY;
    for (FlowBox b : boxes) {
      s = s.union(new FlowSpace(ImmutableList.of(b)));
    }
    return s;
  }

  public static FlowSpace of(FlowBox box) {
    return box.isEmpty() ? EMPTY : new FlowSpace(ImmutableList.of(box));
  }

  public static FlowSpace of(Flow packet) {
    return of(FlowBox.point(packet));
  }

  public boolean isEmpty() {
    return boxes.isEmpty();
  }

  public boolean contains(Flow f) {
    for (FlowBox b : boxes) {
      if (b.contains(f)) {
        return true;
      }
    }
    return false;
  }

  public FlowSpace intersect(FlowBox box) {
    ImmutableList.Builder<FlowBox> out = ImmutableList.builder();
    for (FlowBox b : boxes) {
      FlowBox i = b.intersect(box);
      if (!i.isEmpty()) {
        out.add(i);
      }
    }
    return new FlowSpace(out.build());
  }

  public FlowSpace intersect(FlowSpace other) {
    ImmutableList.Builder<FlowBox> out = ImmutableList.builder();
    for (FlowBox o : other.boxes) {
      out.addAll(intersect(o).boxes);
    }
    return new FlowSpace(out.build());
  }

  public FlowSpace minus(FlowBox box) {
    return minus(ImmutableList.of(box));
  }

  public FlowSpace minus(FlowSpace other) {
    return minus(other.boxes);
  }

  /**
   * The packets not in {@code others}: each box minus each of {@code others} in turn, its pieces in order (the boxes
   * that subtracting the others one at a time from the whole space gives). A box that meets none of them is kept as
   * it is, and this space itself when no box meets any: only what is cut is copied.
   */
  private FlowSpace minus(List<FlowBox> others) {
    if (boxes.isEmpty() || others.isEmpty()) {
      return this;
    }
    ImmutableList.Builder<FlowBox> out = null;
    for (int i = 0; i < boxes.size(); i++) {
      FlowBox b = boxes.get(i);
      List<FlowBox> pieces = null; // null while b meets none of the others
      for (int j = 0; j < others.size() && (pieces == null || !pieces.isEmpty()); j++) {
        FlowBox o = others.get(j);
        if (pieces == null) {
          pieces = b.intersects(o) ? b.minus(o) : null;
          continue;
        }
        List<FlowBox> next = new ArrayList<>(pieces.size() + 4);
        for (FlowBox p : pieces) {
          if (p.intersects(o)) {
            next.addAll(p.minus(o));
          } else {
            next.add(p);
          }
        }
        pieces = next;
      }
      if (pieces != null && out == null) {
        out = ImmutableList.builderWithExpectedSize(boxes.size() + pieces.size());
        out.addAll(boxes.subList(0, i));
      }
      if (out != null) {
        if (pieces == null) {
          out.add(b);
        } else {
          out.addAll(pieces);
        }
      }
    }
    return out == null ? this : new FlowSpace(out.build());
  }

  public FlowSpace union(FlowSpace other) {
    if (isEmpty()) {
      return other;
    }
    return new FlowSpace(ImmutableList.<FlowBox>builder().addAll(boxes).addAll(other.minus(this).boxes).build());
  }

  /** Whether some packet's destination is in {@code dst} (allocation-free). */
  public boolean meetsDestination(IpSet dst) {
    for (FlowBox b : boxes) {
      if (b.destination().intersects(dst)) {
        return true;
      }
    }
    return false;
  }

  /** Only packets whose destination is in {@code dst}. */
  public FlowSpace restrictDestination(IpSet dst) {
    return eachBox(b -> b.withDestination(b.destination().intersection(dst)));
  }

  /** The packets whose destination is in a set, and the others. */
  public record Split(FlowSpace inside, FlowSpace outside) {}

  /**
   * {@link #restrictDestination} and {@link #withoutDestination} of {@code dst} at once, with the same boxes in the
   * same order: a box whose destinations all lie inside (or all outside) is not cut again for the other side (a
   * route's region against a trace's destinations, at every routing step).
   */
  public Split splitDestination(IpSet dst) {
    ImmutableList.Builder<FlowBox> in = ImmutableList.builder();
    ImmutableList.Builder<FlowBox> out = ImmutableList.builder();
    for (FlowBox b : boxes) {
      IpSet d = b.destination();
      if (!d.intersects(dst)) {
        if (!b.isEmpty()) {
          out.add(b);
        }
        continue;
      }
      IpSet common = d.intersection(dst);
      FlowBox i = b.withDestination(common);
      if (!i.isEmpty()) {
        in.add(i);
      }
      if (common != d) { // d within dst gives d itself: nothing is left outside
        FlowBox o = b.withDestination(d.difference(dst));
        if (!o.isEmpty()) {
          out.add(o);
        }
      }
    }
    return new Split(new FlowSpace(in.build()), new FlowSpace(out.build()));
  }

  /** Only packets whose destination is not in {@code dst} (no complement of {@code dst} is built). */
  public FlowSpace withoutDestination(IpSet dst) {
    return eachBox(b -> b.withDestination(b.destination().difference(dst)));
  }

  /** Only packets whose source is not in {@code src}. */
  public FlowSpace withoutSource(IpSet src) {
    return eachBox(b -> b.withSource(b.source().difference(src)));
  }

  /** Only packets whose source is in {@code src}. */
  public FlowSpace restrictSource(IpSet src) {
    return eachBox(b -> b.withSource(b.source().intersection(src)));
  }

  /** Each box cut by {@code cut}, the empty ones dropped. */
  private FlowSpace eachBox(UnaryOperator<FlowBox> cut) {
    ImmutableList.Builder<FlowBox> out = ImmutableList.builder();
    for (FlowBox b : boxes) {
      FlowBox i = cut.apply(b);
      if (!i.isEmpty()) {
        out.add(i);
      }
    }
    return new FlowSpace(out.build());
  }

  /** Only packets of one address family (source and destination both). */
  public FlowSpace family(IpFamily f) {
    IpSet all = f == IpFamily.IPV4 ? IpSet.ALL_V4 : IpSet.ALL_V6;
    return restrictSource(all).restrictDestination(all);
  }

  /** The lowest destination address ({@code destinations().firstAddress()} without the union); null when empty. */
  public IpAddress firstDestination() {
    IpAddress first = null;
    for (FlowBox b : boxes) {
      IpAddress a = b.destination().firstAddress();
      if (a != null && (first == null || a.compareTo(first) < 0)) {
        first = a;
      }
    }
    return first;
  }

  /** The union of the boxes' destinations. */
  public IpSet destinations() {
    IpSet s = IpSet.EMPTY;
    for (FlowBox b : boxes) {
      s = s.union(b.destination());
    }
    return s;
  }

  /** The union of the boxes' sources. */
  public IpSet sources() {
    IpSet s = IpSet.EMPTY;
    for (FlowBox b : boxes) {
      s = s.union(b.source());
    }
    return s;
  }

  public boolean isPoint() {
    return boxes.size() == 1 && boxes.get(0).isPoint();
  }

  @Override
  public String toString() {
    return boxes.toString();
  }
}
