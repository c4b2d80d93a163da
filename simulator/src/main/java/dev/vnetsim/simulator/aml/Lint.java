package dev.vnetsim.simulator.aml;

import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.simulator.trace.Egress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prerequisites from Microsoft's Azure ML network docs (azure-semantics.md §8.1, §3.2, §6). */
final class Lint {
  private Lint() {}

  static List<LintFinding> check(Topology t, ComputeTarget c, Subnet subnet, List<RowResult> rows) {
    List<LintFinding> out = new ArrayList<>();
    if (!subnet.delegations().isEmpty()) {
      out.add(new LintFinding("delegated-subnet", LintFinding.Severity.ERROR, "subnet " + subnet.name()
          + " is delegated to " + String.join(", ", subnet.delegations()) + "; Azure ML compute needs an undelegated "
          + "subnet", "[AML-TRAIN] prerequisites (§8.1)"));
    }
    long usable = SubnetAddresses.usable(subnet);
    long used = SubnetAddresses.used(t, subnet).size();
    if (usable - used < c.maxNodes()) {
      out.add(new LintFinding("subnet-too-small", LintFinding.Severity.ERROR, String.format(
          "subnet %s has %d usable addresses (Azure reserves 5 per prefix), %d in use, %d free; %s %s needs %d",
          subnet.name(), usable, used, usable - used, c.kindName(), c.name(), c.maxNodes()),
          "[AML-TRAIN] one IP per instance or node (§8.1)"));
    }
    Optional<VirtualNetwork> vnet = t.virtualNetworkOf(subnet);
    if (vnet.isPresent() && !ComputeTarget.normalise(vnet.get().location()).equals(c.region())) {
      out.add(new LintFinding("region-mismatch", c.kind() == dev.vnetsim.model.compute.AmlCompute.Kind.INSTANCE
          ? LintFinding.Severity.ERROR : LintFinding.Severity.WARNING, "compute region " + c.region()
          + " differs from VNet " + vnet.get().name() + " region " + ComputeTarget.normalise(vnet.get().location()),
          "[AML-TRAIN] a compute instance cannot be in another region (§8.1)"));
    }
    boolean doa = rows.stream().anyMatch(r -> r.status() == RowResult.Status.WARN && r.trace().egress()
        .map(e -> e.type() == Egress.Type.DEFAULT_OUTBOUND).orElse(true));
    if (doa) {
      out.add(new LintFinding("default-outbound", LintFinding.Severity.WARNING, "subnet " + subnet.name()
          + " reaches Azure services only through default outbound access, which Azure is retiring (new VNets are"
          + " private by default from API 2025-07-01); attach a NAT gateway or route through a firewall",
          "[DOA] (§3.2); [AML-TRAIN] recommends a NAT gateway"));
    }
    rows.stream().filter(r -> r.requirement().ports().stream().anyMatch(p -> p.contains(445))
        && r.destination().toLowerCase(java.util.Locale.ROOT).startsWith("storage")
        && r.status() == RowResult.Status.FAIL).findFirst().ifPresent(r -> out.add(new LintFinding("storage-445",
            LintFinding.Severity.ERROR, "port 445 to " + r.destination() + " is blocked ("
            + r.disposition() + r.decidedBy().map(d -> " by " + d.ruleName()).orElse("") + ")",
            "[AML-TRAIN] port 445 must be open to the workspace storage (§8.1)")));
    Optional<RowResult> storageOpen = rows.stream().filter(r -> r.destination().toLowerCase(java.util.Locale.ROOT)
        .startsWith("storage.") && r.status() != RowResult.Status.FAIL).findFirst();
    if (storageOpen.isPresent() && subnet.serviceEndpointPolicies().isEmpty()) {
      out.add(new LintFinding("storage-exfiltration", LintFinding.Severity.WARNING, "outbound to "
          + storageOpen.get().destination() + " is open from " + subnet.name() + " without a service endpoint policy: any storage account"
          + " in the region is reachable (data exfiltration risk)", "[AML-EXFIL] (§6)"));
    }
    if (c.publicIp()) {
      rows.stream().filter(r -> r.requirement().id().equals("I1") && r.status() == RowResult.Status.FAIL)
          .findFirst().ifPresent(r -> out.add(new LintFinding("nsg-conflict", LintFinding.Severity.ERROR,
              "subnet NSG rules block what Azure ML's own NSG allows (inbound TCP 44224 from AzureMachineLearning)"
                  + r.decidedBy().map(d -> ": " + d.ruleName()).orElse(""),
              "[AML-TRAIN] subnet rules must not conflict with the NSG Azure ML creates (§8.1)")));
    }
    return out;
  }
}
