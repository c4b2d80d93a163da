package dev.vnetsim.model.io.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.TopologyFixtures;
import dev.vnetsim.model.io.Reread;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Re-reading only the resources a change touched ({@link Reread}) gives what reading every resource again gives:
 * the same resources in the same order, the same warnings with the same paths, the same error for an invalid result.
 * Seeded random change files (rule, route, subnet and NIC edits; resources deleted, added, deleted and put back) on
 * the bundled example, the change fixtures and recorded ARM responses, with and without {@code --strict}.
 */
class RereadTest {

  private static final int CHANGES = 150;

  @Test
  void example_randomChanges_rereadEqualsFullRead() {
    Path example = Path.of(Files.isDirectory(Path.of("../examples")) ? "../examples" : "examples")
        .resolve("aml-secure-training");
    assertThat(compare(ArmResources.read(List.of(example), false), 1)).isGreaterThan(CHANGES / 5);
    assertThat(compare(ArmResources.read(List.of(example), true), 2)).isGreaterThan(CHANGES / 5);
  }

  @Test
  void fixture_randomChanges_rereadEqualsFullRead() {
    assertThat(compare(ChangeTesting.load("base.json"), 3)).isGreaterThan(CHANGES / 5);
  }

  @Test
  void recordedResponses_randomChanges_rereadEqualsFullRead() {
    Path recorded = TopologyFixtures.sharedData().resolve("arm-recorded/jupiterone-graph-azure");
    compare(ArmResources.read(List.of(recorded), false), 4);
  }

  /**
   * A policy whose rule collection groups are listed as resources of their own is read again alone (the old trees,
   * policy and groups, name the ids it held; the edited tree nests the groups), so that an edited firewall rule does
   * not make the whole input be read.
   */
  @Test
  void standaloneRuleCollectionGroups_areRereadWithTheirPolicy() {
    Path recorded = TopologyFixtures.sharedData().resolve("arm-recorded/jupiterone-graph-azure");
    ArmResources base = ArmResources.read(List.of(recorded), false);
    String group = "/subscriptions/subscription-id/resourceGroups/j1dev/providers/Microsoft.Network/"
        + "firewallPolicies/policy1/ruleCollectionGroups/DefaultNetworkRuleCollectionGroup";
    for (String change : List.of("[{\"op\":\"remove\",\"path\":\"" + group
        + "/properties/ruleCollections/0/rules/1\"}]", "[{\"op\":\"delete\",\"id\":\"" + group + "\"}]")) {
      ArmResources.Editor e = edited(base, change);

      Optional<Reread.Base> quick = e.reread();

      assertThat(quick).as(change).isPresent();
      assertThat(summary(quick.get().topology())).as(change).isEqualTo(summary(e.readAll().topology()));
      assertThat(quick.get().topology().virtualNetworks()).as("untouched resources are kept")
          .isEqualTo(base.topology().virtualNetworks());
      assertThat(quick.get().topology().virtualNetworks().values().iterator().next())
          .isSameAs(base.topology().virtualNetworks().values().iterator().next());
    }
  }

  @Test
  void ruleRemoved_isReread_andDanglingWarningsFollow() {
    ArmResources base = ChangeTesting.load("base.json");
    ArmResources.Editor e = ChangeFile.edited(base, new TopologyReader.Source("c.json",
        "[{\"op\":\"delete\",\"id\":\"" + ChangeTesting.NSG + "\"}]"));

    Optional<Reread.Base> quick = e.reread();

    assertThat(quick).isPresent();
    assertThat(quick.get().topology().warnings()).isNotEmpty();
    assertThat(summary(quick.get().topology())).isEqualTo(summary(e.readAll().topology()));
  }

  @Test
  void subnetPointedAtAbsentNsg_isReread_warningAtTheEditedPath() {
    ArmResources.Editor e = edited(ChangeTesting.load("base.json"), "[{\"op\":\"add\",\"path\":\""
        + ChangeTesting.VNET + "/properties/subnets/0/properties/networkSecurityGroup\",\"value\":{\"id\":\""
        + ChangeTesting.id("networkSecurityGroups/absent") + "\"}}]");

    Optional<Reread.Base> quick = e.reread();

    assertThat(quick).isPresent();
    assertThat(quick.get().topology().warnings()).singleElement().asString().startsWith("c.json (after)");
    assertThat(summary(quick.get().topology())).isEqualTo(summary(e.readAll().topology()));
  }

  @Test
  void inputWithStandaloneChildWithoutParent_isReadInFull_warningKept() {
    ArmResources base = ArmResources.readSources(List.of(ChangeTesting.source("base.json"),
        new TopologyReader.Source("orphan.json", "{\"id\":\"" + ChangeTesting.id("routeTables/gone/routes/r")
            + "\",\"type\":\"Microsoft.Network/routeTables/routes\",\"properties\":{\"addressPrefix\":"
            + "\"10.8.0.0/16\",\"nextHopType\":\"Internet\"}}")), false);
    ArmResources.Editor e = edited(base, "[{\"op\":\"remove\",\"path\":\"" + ChangeTesting.NSG
        + "/properties/securityRules/0\"}]");

    assertThat(e.reread()).isEmpty();
    assertThat(e.build().topology().warnings()).extracting(w -> w.path().toString())
        .containsExactly("orphan.json");
  }

  @Test
  void resourcePutBackWithAnotherType_isReadInFull() {
    ArmResources base = ChangeTesting.load("base.json");
    String tree = base.tree(ResourceId.of(ChangeTesting.NSG)).orElseThrow().toString()
        .replace("Microsoft.Network/networkSecurityGroups\"", "Microsoft.Network/routeTables\"");
    ArmResources.Editor e = edited(base, "[{\"op\":\"put\",\"resource\":" + tree + "}]");

    assertThat(e.reread()).isEmpty();
    assertThat(outcome(() -> e.build().topology())).isEqualTo(outcome(e::readAll));
  }

  @Test
  void resourceDeletedAndPutBack_movesLast_isReadInFull() {
    ArmResources base = ChangeTesting.load("base.json");
    ArmResources.Editor e = edited(base, "[{\"op\":\"delete\",\"id\":\"" + ChangeTesting.NSG + "\"},"
        + "{\"op\":\"put\",\"resource\":" + base.tree(ResourceId.of(ChangeTesting.NSG)).orElseThrow() + "},"
        + "{\"op\":\"put\",\"resource\":{\"id\":\"" + ChangeTesting.id("networkSecurityGroups/other")
        + "\",\"type\":\"Microsoft.Network/networkSecurityGroups\",\"location\":\"eastus\"}}]");

    assertThat(e.reread()).isEmpty();
    assertThat(outcome(() -> e.build().topology())).isEqualTo(outcome(e::readAll));
  }

  /**
   * A subnet given a prefix that no longer holds its VM's address (inside the VNet's space, apart from its sibling):
   * the change touches only the VNet, yet the NIC in it is what becomes invalid; or the other subnet given one that
   * overlaps the first.
   * Re-read or read in full, the same error.
   */
  @Test
  void subnetPrefixMovedAwayFromItsNicOrOntoItsSibling_isTheSameErrorAsAFullRead() {
    Path example = Path.of(Files.isDirectory(Path.of("../examples")) ? "../examples" : "examples")
        .resolve("aml-secure-training");
    ArmResources base = ArmResources.read(List.of(example), false);
    String vnet = base.topology().virtualNetworks().keySet().iterator().next().value();
    Map<String, String> errors = Map.of("0/properties/addressPrefix\",\"value\":\"10.10.3.0/24",
        "private IP address must lie within its subnet's address prefixes",
        "1/properties/addressPrefix\",\"value\":\"10.10.0.0/22", // still holds the endpoints' addresses
        "subnet prefixes in one virtual network must not overlap");
    errors.forEach((edit, error) -> {
      ArmResources.Editor e = edited(base, "[{\"op\":\"replace\",\"path\":\"" + vnet + "/properties/subnets/"
          + edit + "\"}]");
      Object full = outcome(e::readAll);
      assertThat(full).asString().contains(error);
      assertThat(outcome(() -> e.build().topology())).as(edit).isEqualTo(full);
    });
  }

  private static ArmResources.Editor edited(ArmResources base, String change) {
    return ChangeFile.edited(base, new TopologyReader.Source("c.json", change));
  }

  /** Applies {@value #CHANGES} random change files; returns how many were re-read (not read in full). */
  private static int compare(ArmResources base, long seed) {
    Random r = new Random(seed);
    int reread = 0;
    int applied = 0;
    for (int i = 0; i < CHANGES; i++) {
      String change = RandomEdits.change(base.topology(), base, r);
      ArmResources.Editor e;
      try {
        e = ChangeFile.edited(base, new TopologyReader.Source("change.json", change));
      } catch (InvalidTopologyException ex) {
        continue; // the patch itself does not apply (e.g. an index past the end)
      }
      applied++;
      Object full = outcome(e::readAll);
      Object built = outcome(() -> e.build().topology());
      assertThat(built).as("seed %d change %d: %s", seed, i, change).isEqualTo(full);
      if (e.reread().isPresent()) {
        reread++;
      }
    }
    assertThat(applied).isGreaterThan(CHANGES / 2);
    return reread;
  }

  private static Object outcome(java.util.function.Supplier<Object> read) {
    try {
      Object o = read.get();
      return summary(o instanceof Reread.Base b ? b.topology() : (Topology) o);
    } catch (InvalidTopologyException e) {
      return "error: " + e.getMessage();
    }
  }

  /** Every resource map as an ordered list, the warnings and the skipped types. */
  static List<Object> summary(Topology t) {
    Topology.Builder b = t.toBuilder();
    List<Object> out = new ArrayList<>();
    for (Map<ResourceId, ?> m : b.resourceMaps()) {
      out.add(m.entrySet().stream().map(x -> Map.entry(x.getKey(), x.getValue())).toList());
    }
    out.add(t.warnings());
    out.add(Map.copyOf(b.skippedTypes));
    return out;
  }

  /** Random change files naming resources of a topology. */
  static final class RandomEdits {
    private RandomEdits() {}

    static String change(Topology t, ArmResources base, Random r) {
      List<String> ops = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int k = 0; k < n; k++) {
        op(t, base, r).ifPresent(ops::add);
      }
      return "[" + String.join(",", ops) + "]";
    }

    private static Optional<String> op(Topology t, ArmResources base, Random r) {
      List<NetworkSecurityGroup> nsgs = List.copyOf(t.networkSecurityGroups().values());
      List<VirtualNetwork> vnets = List.copyOf(t.virtualNetworks().values());
      List<NetworkInterface> nics = List.copyOf(t.networkInterfaces().values());
      List<ResourceId> all = List.copyOf(base.ids());
      switch (r.nextInt(10)) {
        case 8 -> {
          List<ResourceId> groups = new ArrayList<>();
          t.firewallPolicies().values().forEach(p -> p.ruleCollectionGroups().forEach(g -> groups.add(g.id())));
          if (groups.isEmpty()) {
            return Optional.empty();
          }
          String g = groups.get(r.nextInt(groups.size())).value();
          return Optional.of(switch (r.nextInt(4)) {
            case 0 -> "{\"op\":\"remove\",\"path\":\"" + g + "/properties/ruleCollections/0/rules/0\"}";
            case 1 -> "{\"op\":\"replace\",\"path\":\"" + g + "/properties/priority\",\"value\":"
                + (100 + r.nextInt(3) * 100) + "}";
            case 2 -> "{\"op\":\"add\",\"path\":\"" + g + "/properties/ruleCollections/0/rules/-\",\"value\":"
                + "{\"ruleType\":\"NetworkRule\",\"name\":\"n" + r.nextInt(1000) + "\",\"ipProtocols\":[\"TCP\"],"
                + "\"sourceAddresses\":[\"10.0.0.0/8\"],\"destinationAddresses\":[\""
                + List.of("Storage", "10.1.0.0/16", "10.0.0.300").get(r.nextInt(3)) + "\"],\"destinationPorts\":[\"443\"]}}";
            default -> "{\"op\":\"delete\",\"id\":\"" + g + "\"}";
          });
        }
        case 0, 1 -> {
          if (nsgs.isEmpty()) {
            return Optional.empty();
          }
          NetworkSecurityGroup nsg = nsgs.get(r.nextInt(nsgs.size()));
          int i = r.nextInt(Math.max(1, nsg.securityRules().size()));
          String rule = nsg.id().value() + "/properties/securityRules/" + i;
          return Optional.of(switch (r.nextInt(4)) {
            case 0 -> "{\"op\":\"remove\",\"path\":\"" + rule + "\"}";
            case 1 -> "{\"op\":\"replace\",\"path\":\"" + rule + "/properties/priority\",\"value\":"
                + (100 + r.nextInt(5) * 100) + "}";
            case 2 -> "{\"op\":\"replace\",\"path\":\"" + rule + "/properties/destinationAddressPrefix\",\"value\":\""
                + List.of("10.9.0.0/16", "Storage", "10.0.0.300/33", "*").get(r.nextInt(4)) + "\"}";
            default -> "{\"op\":\"add\",\"path\":\"" + nsg.id().value() + "/properties/securityRules/-\",\"value\":"
                + "{\"name\":\"r" + r.nextInt(1000) + "\",\"properties\":{\"priority\":" + (150 + r.nextInt(4000))
                + ",\"direction\":\"Outbound\",\"access\":\"Deny\",\"protocol\":\"Tcp\",\"sourceAddressPrefix\":\"*\","
                + "\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"Internet\",\"destinationPortRange\":\"443\"}}}";
          });
        }
        case 2 -> {
          if (vnets.isEmpty()) {
            return Optional.empty();
          }
          VirtualNetwork v = vnets.get(r.nextInt(vnets.size()));
          int i = r.nextInt(Math.max(1, v.subnets().size()));
          String subnet = v.id().value() + "/properties/subnets/" + i + "/properties/";
          return Optional.of(switch (r.nextInt(3)) {
            case 0 -> "{\"op\":\"remove\",\"path\":\"" + subnet + "networkSecurityGroup\"}";
            case 1 -> "{\"op\":\"add\",\"path\":\"" + subnet + "networkSecurityGroup\",\"value\":{\"id\":\""
                + (nsgs.isEmpty() || r.nextBoolean() ? "/subscriptions/s/resourceGroups/rg/providers/"
                    + "Microsoft.Network/networkSecurityGroups/absent" : nsgs.get(r.nextInt(nsgs.size())).id().value())
                + "\"}}";
            default -> "{\"op\":\"replace\",\"path\":\"" + subnet + "addressPrefix\",\"value\":\""
                + List.of("10.0.200.0/24", "192.168.0.0/24", "10.0.0.0/8").get(r.nextInt(3)) + "\"}";
          });
        }
        case 3 -> {
          if (nics.isEmpty()) {
            return Optional.empty();
          }
          NetworkInterface nic = nics.get(r.nextInt(nics.size()));
          return Optional.of("{\"op\":\"replace\",\"path\":\"" + nic.id().value()
              + "/properties/ipConfigurations/0/properties/privateIPAddress\",\"value\":\"10.0." + r.nextInt(3) + "."
              + (4 + r.nextInt(250)) + "\"}");
        }
        case 4 -> {
          return Optional.of("{\"op\":\"delete\",\"id\":\"" + all.get(r.nextInt(all.size())).value() + "\"}");
        }
        case 5 -> {
          ResourceId id = all.get(r.nextInt(all.size()));
          return Optional.of("{\"op\":\"delete\",\"id\":\"" + id.value() + "\"},{\"op\":\"put\",\"resource\":"
              + base.tree(id).orElseThrow() + "}");
        }
        case 6 -> {
          return Optional.of("{\"op\":\"put\",\"resource\":{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/"
              + "Microsoft.Network/networkSecurityGroups/new" + r.nextInt(3) + "\",\"type\":\"Microsoft.Network/"
              + "networkSecurityGroups\",\"location\":\"eastus\",\"properties\":{\"securityRules\":[]}}}");
        }
        case 7 -> {
          ResourceId id = all.get(r.nextInt(all.size()));
          return Optional.of("{\"op\":\"put\",\"resource\":" + base.tree(id).orElseThrow() + "}");
        }
        default -> {
          List<ResourceId> tables = List.copyOf(t.routeTables().keySet());
          if (tables.isEmpty()) {
            return Optional.empty();
          }
          ResourceId rt = tables.get(r.nextInt(tables.size()));
          return Optional.of(r.nextBoolean() ? "{\"op\":\"remove\",\"path\":\"" + rt.value() + "/properties/routes/0\"}"
              : "{\"op\":\"add\",\"path\":\"" + rt.value() + "/properties/routes/-\",\"value\":{\"name\":\"x"
                  + r.nextInt(100) + "\",\"properties\":{\"addressPrefix\":\"10.8.0.0/16\",\"nextHopType\":"
                  + "\"VirtualAppliance\",\"nextHopIpAddress\":\"10.0.1.4\"}}}");
        }
      }
    }
  }
}
