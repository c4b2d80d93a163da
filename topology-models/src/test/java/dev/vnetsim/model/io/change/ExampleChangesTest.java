package dev.vnetsim.model.io.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The change files shipped with the bundled example, applied to it. */
class ExampleChangesTest {

  private static final Path EXAMPLE = example();
  private static final ResourceId NSG = ResourceId.of("/subscriptions/00000000-0000-0000-0000-000000000000/"
      + "resourceGroups/rg-aml-secure/providers/Microsoft.Network/networkSecurityGroups/nsg-training");

  private static Path example() {
    for (String candidate : List.of("../examples/aml-secure-training", "examples/aml-secure-training")) {
      if (Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException("examples/aml-secure-training not found from " + Path.of("").toAbsolutePath());
  }

  /** The example's topology files (the change files live in examples/changes/). */
  private static ArmResources exampleTopology() {
    return ArmResources.read(List.of("network.json", "private-endpoints.json", "private-dns.json", "workspace.json")
        .stream().map(EXAMPLE::resolve).toList(), true);
  }

  private static List<String> rules(Topology t) {
    return t.networkSecurityGroups().get(NSG).securityRules().stream().map(SecurityRule::name).toList();
  }

  @Test
  void removeStorageRule_removesAllowStorageOutboundFromNsgTraining() {
    ArmResources base = exampleTopology();

    ChangeSet cs = ChangeFile.apply(base, EXAMPLE.resolveSibling("changes").resolve("remove-storage-rule.json"));

    assertThat(rules(cs.before())).contains("AllowStorageOutbound");
    assertThat(rules(cs.after())).hasSize(rules(cs.before()).size() - 1).doesNotContain("AllowStorageOutbound");
    assertThat(cs.changes()).containsExactly(new ResourceChange(NSG, ResourceChange.Kind.REMOVED,
        Optional.of("securityRules/AllowStorageOutbound"), "securityRules/AllowStorageOutbound removed"));
    assertThat(cs.after().warnings()).isEmpty();
  }

  @Test
  void planOpenSsh_priorStateMatchesTheExample_andAddsOneInboundSshRule() {
    ArmResources base = exampleTopology();

    ChangeSet cs = TerraformPlan.apply(base, EXAMPLE.resolveSibling("changes").resolve("plan-open-ssh.json"));

    assertThat(cs.before().subnets()).isEqualTo(base.topology().subnets());
    assertThat(cs.before().routeTables()).isEqualTo(base.topology().routeTables());
    assertThat(cs.before().natGateways()).isEqualTo(base.topology().natGateways());
    NetworkSecurityGroup example = base.topology().networkSecurityGroups().get(NSG);
    NetworkSecurityGroup prior = cs.before().networkSecurityGroups().get(NSG);
    assertThat(prior.securityRules()).hasSameSizeAs(example.securityRules());
    for (int i = 0; i < example.securityRules().size(); i++) {
      SecurityRule want = example.securityRules().get(i);
      SecurityRule got = prior.securityRules().get(i);
      assertThat(got).usingRecursiveComparison().ignoringFields("destinationPortRanges").isEqualTo(want);
      assertThat(new HashSet<>(got.destinationPortRanges())).isEqualTo(new HashSet<>(want.destinationPortRanges()));
    }
    ResourceId ssh = NSG.child("securityRules", "AllowSshInbound");
    assertThat(cs.changes()).containsExactly(new ResourceChange(NSG, ResourceChange.Kind.ADDED,
        Optional.of("securityRules/AllowSshInbound"), "securityRules/AllowSshInbound added"));
    SecurityRule added = cs.after().networkSecurityGroups().get(NSG).securityRules().stream()
        .filter(r -> r.id().equals(ssh)).findFirst().orElseThrow();
    assertThat(added.direction()).isEqualTo(Direction.INBOUND);
    assertThat(added.access()).isEqualTo(Access.ALLOW);
    assertThat(added.protocol()).isEqualTo(Protocol.TCP);
    assertThat(added.sourceAddresses()).extracting(Object::toString).containsExactly("Internet");
    assertThat(added.destinationAddresses()).extracting(Object::toString).containsExactly("10.10.1.0/24");
    assertThat(added.destinationPortRanges()).containsExactly(PortRange.single(22));
    assertThat(cs.synthesisedIds()).containsExactly(ssh);
    assertThat(cs.notes()).containsExactly(new PlanNote("azurerm_network_security_rule.allow_ssh", "id",
        "unknown at plan time; synthesised as " + ssh));
    assertThat(cs.after().warnings()).isEmpty();
  }

  @Test
  void planOpenSsh_withoutTopology_isThePriorStateAlone() {
    ChangeSet cs = TerraformPlan.apply(ArmResources.empty(false), EXAMPLE.resolveSibling("changes").resolve("plan-open-ssh.json"));

    assertThat(cs.before().virtualNetworks()).hasSize(1);
    assertThat(cs.before().subnets()).hasSize(2);
    assertThat(cs.before().routeTables()).isEmpty();
    assertThat(rules(cs.after())).endsWith("AllowSshInbound");
    assertThat(cs.changes()).extracting(ResourceChange::detail).containsExactly("securityRules/AllowSshInbound added");
  }
}
