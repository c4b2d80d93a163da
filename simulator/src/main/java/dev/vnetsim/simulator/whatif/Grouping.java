package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.PortRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Groups raw differences into output entries: the same kind, source, flow ends, protocol, answers on both sides and
 * causes make one entry whose ports are the union (adjacent classes merged), then sorts them.
 */
final class Grouping {
  private Grouping() {}

  /** One difference for one protocol and port set, before grouping. */
  record Raw(FlowChange.Kind kind, FlowChange.Source source, Optional<String> name, String from, String to,
      String protocol, List<PortRange> ports, FlowChange.Verdict before, FlowChange.Verdict after,
      ImmutableList<FlowChange.Cause> cause) {}

  private record Key(FlowChange.Kind kind, FlowChange.Source source, Optional<String> name, String from, String to,
      String protocol, Object before, Object after, ImmutableList<FlowChange.Cause> cause) {
    /**
     * The flow's fields only (their strings keep their hashes): the answers and causes, deep values, are compared only
     * between the few differences of one flow (a hub change has tens of thousands of flows).
     */
    @Override
    public int hashCode() {
      return Objects.hash(kind, source, name, from, to, protocol);
    }
  }

  static ImmutableList<FlowChange> group(List<Raw> raw) {
    Map<Key, List<Raw>> groups = new LinkedHashMap<>();
    for (Raw r : raw) {
      Key k = new Key(r.kind(), r.source(), r.name(), r.from(), r.to(), r.protocol(),
          List.of(r.before().disposition(), r.before().decidedBy()), List.of(r.after().disposition(),
              r.after().decidedBy()), r.cause());
      groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
    }
    List<FlowChange> out = new ArrayList<>();
    groups.forEach((k, rs) -> {
      List<PortRange> ports = new ArrayList<>();
      rs.forEach(r -> ports.addAll(r.ports()));
      Raw first = rs.get(0);
      out.add(new FlowChange(k.kind(), k.source(), k.name(), k.from(), k.to(), k.protocol(), texts(merge(ports)),
          first.before(), first.after(), k.cause()));
    });
    out.sort(Comparator.comparing(FlowChange::kind).thenComparing(FlowChange::source)
        .thenComparing(FlowChange::from).thenComparing(FlowChange::to).thenComparing(FlowChange::protocol)
        .thenComparing(c -> c.ports().isEmpty() ? -1 : firstPort(c.ports().get(0))));
    return ImmutableList.copyOf(out);
  }

  /** Sorted, with overlapping and adjacent ranges joined. */
  static List<PortRange> merge(List<PortRange> ports) {
    List<PortRange> sorted = ports;
    for (int i = 1; i < ports.size(); i++) {
      if (ports.get(i - 1).compareTo(ports.get(i)) > 0) { // most changes list their classes in order already
        sorted = new ArrayList<>(ports);
        sorted.sort(Comparator.naturalOrder());
        break;
      }
    }
    List<PortRange> out = new ArrayList<>();
    int from = -1; // the run being joined, [from, to]; none yet while from < 0
    int to = -1;
    for (PortRange r : sorted) {
      if (from >= 0 && to + 1 >= r.from()) {
        to = Math.max(to, r.to());
      } else {
        if (from >= 0) {
          out.add(new PortRange(from, to));
        }
        from = r.from();
        to = r.to();
      }
    }
    if (from >= 0) {
      out.add(new PortRange(from, to));
    }
    return out;
  }

  private static ImmutableList<String> texts(List<PortRange> ports) {
    return ports.stream().map(PortClasses::text).collect(ImmutableList.toImmutableList());
  }

  private static int firstPort(String text) {
    int dash = text.indexOf('-');
    try {
      return Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
