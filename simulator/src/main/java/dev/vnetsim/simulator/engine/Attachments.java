package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.Subnet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each NSG, route table and NAT gateway is attached: the numbers ({@link PlaneIndex}) of the subnets that name it
 * and of the NICs that name it as their NSG. Immutable; rebuilt only when an association changes.
 */
final class Attachments {
  private static final int[] NONE = new int[0];

  private final ImmutableMap<ResourceId, int[]> subnets;
  private final ImmutableMap<ResourceId, int[]> nics;

  Attachments(Topology topology, PlaneIndex index) {
    Map<ResourceId, List<Integer>> s = new HashMap<>();
    index.subnetIndex.forEach((id, i) -> {
      Subnet subnet = topology.subnets().get(id);
      for (Optional<ResourceId> ref : List.of(subnet.networkSecurityGroup(), subnet.routeTable(),
          subnet.natGateway())) {
        ref.ifPresent(r -> s.computeIfAbsent(r, k -> new ArrayList<>()).add(i));
      }
    });
    Map<ResourceId, List<Integer>> n = new HashMap<>();
    index.nicIndex.forEach((id, i) -> {
      NetworkInterface nic = topology.networkInterfaces().get(id);
      nic.networkSecurityGroup().ifPresent(r -> n.computeIfAbsent(r, k -> new ArrayList<>()).add(i));
    });
    subnets = toArrays(s);
    nics = toArrays(n);
  }

  private Attachments(ImmutableMap<ResourceId, int[]> subnets, ImmutableMap<ResourceId, int[]> nics) {
    this.subnets = subnets;
    this.nics = nics;
  }

  /**
   * These attachments with NICs added (numbered by {@code index}) and nothing else changed: the subnets' are the same,
   * and an added NIC with its own NSG joins that NSG's list (an added NIC's compute probe has none: nothing is copied).
   */
  Attachments withAdded(List<NetworkInterface> added, PlaneIndex index) {
    Map<ResourceId, List<Integer>> more = new HashMap<>();
    for (NetworkInterface nic : added) {
      nic.networkSecurityGroup().ifPresent(r -> more.computeIfAbsent(r, k -> new ArrayList<>())
          .add(index.nicIndex.get(nic.id())));
    }
    if (more.isEmpty()) {
      return this;
    }
    Map<ResourceId, List<Integer>> all = new HashMap<>();
    nics.forEach((k, v) -> all.put(k, new ArrayList<>(Arrays.stream(v).boxed().toList())));
    more.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    all.values().forEach(Collections::sort);
    return new Attachments(subnets, toArrays(all));
  }

  private static ImmutableMap<ResourceId, int[]> toArrays(Map<ResourceId, List<Integer>> m) {
    ImmutableMap.Builder<ResourceId, int[]> out = ImmutableMap.builderWithExpectedSize(m.size());
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out.build();
  }

  /** Numbers of the subnets that name {@code resource} as NSG, route table or NAT gateway. */
  int[] subnets(ResourceId resource) {
    return subnets.getOrDefault(resource, NONE);
  }

  /** Numbers of the NICs that name {@code nsg} as their NSG. */
  int[] nics(ResourceId nsg) {
    return nics.getOrDefault(nsg, NONE);
  }
}
