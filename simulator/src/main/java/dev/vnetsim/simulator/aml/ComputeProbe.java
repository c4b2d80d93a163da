package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.security.DefaultSecurityRules;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stand-in for one node of the compute, added to a copy of the topology: Azure ML's nodes are NICs that Azure
 * creates in the subnet, so they are not in an export. The probe gets the first free address of the subnet.
 * For public-IP compute it also gets what Azure ML creates (azure-semantics.md §8.1): a Standard public IP and an
 * NSG on the node that allows inbound TCP 44224 from {@code AzureMachineLearning}.
 */
public final class ComputeProbe {
  /** Address given to the probe's public IP: TEST-NET-2, outside every service tag (an assumption, see trace). */
  static final IpAddress PROBE_PUBLIC_ADDRESS = IpAddress.parse("198.51.100.44");

  private final Topology topology;
  private final ResourceId nic;
  private final Optional<ResourceId> publicIp;
  private final Optional<ResourceId> nsg;
  private final ImmutableList<String> assumptions;

  private ComputeProbe(Topology topology, ResourceId nic, Optional<ResourceId> publicIp, Optional<ResourceId> nsg,
      ImmutableList<String> assumptions) {
    this.topology = topology;
    this.nsg = nsg;
    this.nic = nic;
    this.publicIp = publicIp;
    this.assumptions = assumptions;
  }

  /** The topology with the probe added; empty when the subnet is not in the input or has no free address. */
  public static Optional<ComputeProbe> add(Topology topology, ComputeTarget target) {
    Optional<Subnet> subnet = topology.subnet(target.subnet());
    if (subnet.isEmpty()) {
      return Optional.empty();
    }
    Optional<IpAddress> address = SubnetAddresses.firstFree(topology, subnet.get());
    if (address.isEmpty()) {
      return Optional.empty();
    }
    String base = target.subnet().value().replaceAll("/subnets/.*$", "");
    ResourceId nicId = ResourceId.of(base.replaceAll("/virtualNetworks/.*$", "") + "/networkInterfaces/aml-node-"
        + target.name());
    Topology.Builder b = topology.toBuilder();
    List<String> assumptions = new ArrayList<>();
    assumptions.add("Azure ML node of '" + target.name() + "' simulated as a NIC at " + address.get()
        + " (the first free address of " + subnet.get().name() + ")");
    Optional<ResourceId> pipId = Optional.empty();
    Optional<ResourceId> nsgId = Optional.empty();
    if (target.publicIp()) {
      ResourceId pip = ResourceId.of(nicId.value().replace("/networkInterfaces/aml-node-", "/publicIPAddresses/aml-node-ip-"));
      b.publicIpAddresses.put(pip, new PublicIpAddress(pip, pip.name(), target.region(),
          Optional.of(PROBE_PUBLIC_ADDRESS), PublicIpAddress.Sku.STANDARD,
          Optional.of(nicId.child("ipConfigurations", "ipconfig1")), Optional.empty()));
      ResourceId nsg = ResourceId.of(nicId.value().replace("/networkInterfaces/aml-node-", "/networkSecurityGroups/"
          + "aml-node-nsg-"));
      b.networkSecurityGroups.put(nsg, autoCreatedNsg(nsg, target.region()));
      pipId = Optional.of(pip);
      nsgId = Optional.of(nsg);
      assumptions.add("public-IP compute: Azure ML's own NSG on the node (inbound TCP 44224 from "
          + "AzureMachineLearning) and a Standard public IP are simulated (§8.1)");
    }
    IpConfiguration ipc = new IpConfiguration(nicId.child("ipConfigurations", "ipconfig1"), "ipconfig1", address,
        Optional.empty(), Optional.of(subnet.get().id()), pipId, ImmutableList.of(), ImmutableList.of(), true);
    b.networkInterfaces.put(nicId, new NetworkInterface(nicId, nicId.name(), target.region(), ImmutableList.of(ipc),
        nsgId, false, Optional.empty(), Optional.empty()));
    return Optional.of(new ComputeProbe(b.build(), nicId, pipId, nsgId, ImmutableList.copyOf(assumptions)));
  }

  /** The NSG Azure ML creates for public-IP compute: AzureMachineLearning → TCP 44224 inbound, plus defaults. */
  static NetworkSecurityGroup autoCreatedNsg(ResourceId id, String region) {
    SecurityRule rule = new SecurityRule(id.child("securityRules", "BatchNodeManagement-AzureML"), "AzureMachineLearning",
        false, 1040, Direction.INBOUND, Access.ALLOW, Protocol.TCP,
        ImmutableList.of(new AddressMatch.ServiceTag("AzureMachineLearning")), ImmutableList.of(),
        ImmutableList.of(PortRange.ALL), ImmutableList.of(AddressMatch.ANY), ImmutableList.of(),
        ImmutableList.of(PortRange.single(44224)), "created by Azure ML for public-IP compute");
    return new NetworkSecurityGroup(id, id.name(), region, ImmutableList.of(rule), DefaultSecurityRules.forNsg(id));
  }

  public Topology topology() {
    return topology;
  }

  /** What the probe put into the topology it was added to: its NIC, and for public-IP compute its public IP and NSG. */
  public Set<ResourceId> put() {
    Set<ResourceId> out = new HashSet<>();
    out.add(nic);
    publicIp.ifPresent(out::add);
    nsg.ifPresent(out::add);
    return out;
  }

  public ResourceId nic() {
    return nic;
  }

  public Optional<ResourceId> publicIp() {
    return publicIp;
  }

  public ImmutableList<String> assumptions() {
    return assumptions;
  }
}
