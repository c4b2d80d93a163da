package dev.vnetsim.model.io;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.compute.VirtualMachine;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Virtual machines (for their NICs) and Azure ML compute instances and clusters. */
final class ComputeReaders {
  private ComputeReaders() {}

  static void register(Map<String, Readers.ResourceReader> m) {
    m.put("microsoft.compute/virtualmachines", (c, at, id) -> c.put(c.topology.virtualMachines, id,
        new VirtualMachine(id, Readers.name(at, id), Readers.location(at),
            at.field("networkProfile").get("networkInterfaces").refs()), at));
    m.put("microsoft.machinelearningservices/workspaces/computes", ComputeReaders::amlCompute);
  }

  /**
   * An Azure ML compute: {@code properties.computeType} {@code ComputeInstance} or {@code AmlCompute} (a cluster),
   * and in {@code properties.properties}: {@code subnet.id}, {@code enableNodePublicIp} (default true) and
   * {@code scaleSettings.maxNodeCount} (an instance is one node). Other compute types (Kubernetes, Databricks …)
   * do not run in a modelled subnet and are skipped.
   */
  static void amlCompute(Collector c, Json at, ResourceId id) {
    Json typeAt = at.field("computeType");
    String type = typeAt.text().orElse("").toLowerCase(Locale.ROOT);
    AmlCompute.Kind kind;
    if (type.equals("computeinstance")) {
      kind = AmlCompute.Kind.INSTANCE;
    } else if (type.equals("amlcompute")) {
      kind = AmlCompute.Kind.CLUSTER;
    } else {
      c.other(at, Optional.of(id), Readers.typeOf(at).orElse(""));
      return;
    }
    Json inner = at.field("properties");
    int maxNodes = kind == AmlCompute.Kind.INSTANCE ? 1
        : Readers.intInRange(inner.get("scaleSettings").get("maxNodeCount"), 1, 0, 100000);
    c.put(c.topology.amlComputes, id, new AmlCompute(id, Readers.name(at, id), Readers.location(at), kind,
        inner.get("subnet").ref(), inner.get("enableNodePublicIp").bool(true), maxNodes), at);
  }
}
